using System.Globalization;

namespace CustomerAddresses.Client;

/// <summary>Filters, order and page size for <see cref="PaymentMethodsClient.ListAsync(CustomerId, ListPaymentMethodsOptions?, CancellationToken)"/>.</summary>
public sealed record ListPaymentMethodsOptions
{
    /// <summary>
    /// Gets the id of the payment method to start after (the API's <c>after</c>). To resume a listing, pass a
    /// <see cref="Page{T}.ContinuationToken"/> to <see cref="AsyncPageable{T}.AsPages"/> instead.
    /// </summary>
    public string? After { get; init; }

    /// <summary>Gets how many payment methods to ask for per page, from 1 to 200 (the server default is 50).</summary>
    public int? PerPage { get; init; }

    /// <summary>Gets the order by id (<c>order_by=id[ASC]</c> or <c>id[DESC]</c>; the server default is descending).</summary>
    public SortOrder? Order { get; init; }

    /// <summary>Gets the addresses whose payment methods to return (<c>address_id</c>). Sent comma-separated.</summary>
    public IReadOnlyList<AddressId>? AddressIds { get; init; }

    /// <summary>Gets whether to return only the payment methods a checkout can offer (<c>true</c>) or only those it cannot (<c>false</c>); both when <see langword="null"/>.</summary>
    public bool? SupportsCheckout { get; init; }

    /// <summary>Writes the options.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"After = {After}, PerPage = {PerPage}, Order = {Order}, AddressIds = {AddressIds?.Count}, SupportsCheckout = {SupportsCheckout}");
        return true;
    }
}
