namespace CustomerAddresses.Client.Tests.Support;

/// <summary>A test class whose every test gets a fresh <see cref="FakeApi"/>, stopped after the test.</summary>
public abstract class FakeApiTests : IDisposable
{
    internal FakeApi Api { get; } = new();

    public void Dispose()
    {
        Api.Dispose();
        GC.SuppressFinalize(this);
    }
}
