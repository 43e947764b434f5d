using CustomerAddresses.Client.Http;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Serialization;

namespace CustomerAddresses.Client.BillingAddresses;

/// <summary>Billing address operations over one <see cref="ApiConnection"/>.</summary>
internal sealed class BillingAddressesClient : IBillingAddressesClient
{
    private const string AddOperation = "Add billing address (POST organizations/{id}/billing-addresses)";
    private readonly ApiConnection _connection;

    internal BillingAddressesClient(ApiConnection connection) => _connection = connection;

    public Task<BillingAddress> AddAsync(OrganizationId organizationId, AddBillingAddressRequest request, CancellationToken cancellationToken = default)
    {
        TypedId.ThrowIfDefault(organizationId, nameof(organizationId));
        RequestChecks.Validate(request);
        return ClientTelemetry.RunAsync("billing_addresses.add", (this, organizationId, request, cancellationToken), static s => s.Item1.SendAsync(s.organizationId, s.request, s.cancellationToken));
    }

    private async Task<BillingAddress> SendAsync(OrganizationId organizationId, AddBillingAddressRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await _connection.BillingAddresses.AddAsync(organizationId.Value, request, cancellationToken).ConfigureAwait(false);
        return await _connection.Reader
            .ReadResourceAsync(response, CustomerAddressesJsonContext.Default.BillingAddress, AddOperation, cancellationToken)
            .ConfigureAwait(false);
    }
}
