namespace CustomerAddresses.Client.Tests.Support;

/// <summary>Ids taken from the seed documents.</summary>
internal static class Ids
{
    public static readonly CustomerId SeedCustomer = CustomerId.Parse("cus_01h1w8r7s2v4l5m6n7p8j9k0q2");
    public static readonly CustomerId PaddleCustomer = CustomerId.Parse("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");
    public static readonly OrganizationId Organization = OrganizationId.Parse("org_2aBcD3");
}
