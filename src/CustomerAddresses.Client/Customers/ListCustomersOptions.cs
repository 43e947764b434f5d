using System.Globalization;

namespace CustomerAddresses.Client;

/// <summary>Filters, order and page size for <see cref="CustomersClient.ListAsync(ListCustomersOptions?, CancellationToken)"/>.</summary>
public sealed record ListCustomersOptions
{
    /// <summary>
    /// Gets the id of the customer to start after (the API's <c>after</c>). To resume a listing, pass a
    /// <see cref="Page{T}.ContinuationToken"/> to <see cref="AsyncPageable{T}.AsPages"/> instead.
    /// </summary>
    public string? After { get; init; }

    /// <summary>Gets how many customers to ask for per page, from 1 to 200 (the server default is 50).</summary>
    public int? PerPage { get; init; }

    /// <summary>Gets the order by id (<c>order_by=id[ASC]</c> or <c>id[DESC]</c>).</summary>
    public SortOrder? Order { get; init; }

    /// <summary>Gets the statuses to return (the server default is active only). Sent comma-separated.</summary>
    public IReadOnlyList<CustomerStatus>? Statuses { get; init; }

    /// <summary>Gets the ids to return. Sent comma-separated.</summary>
    public IReadOnlyList<CustomerId>? Ids { get; init; }

    /// <summary>Gets the exact email addresses to return, as in find-or-create. Sent comma-separated.</summary>
    public IReadOnlyList<string>? Emails { get; init; }

    /// <summary>Gets a search query of at most 100 characters.</summary>
    public string? Search { get; init; }

    /// <summary>Writes the members that carry no personal data.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"PerPage = {PerPage}, Order = {Order}, Statuses = {(Statuses is null ? null : string.Join(",", Statuses))}, Ids = {Ids?.Count}, Emails = {Emails?.Count}, Search = {(Search is null ? null : "(set)")}");
        return true;
    }
}
