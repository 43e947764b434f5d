namespace CustomerAddresses.Client.Core;

/// <summary>The failure of a client built for a test double whose test called a member it did not override.</summary>
internal static class MockOnly
{
    internal static InvalidOperationException NotOverridden(string client) =>
        new($"This {client} was created with its protected constructor for a test double: override the members the test calls.");
}
