using System.Globalization;

namespace CustomerAddresses.Client;

/// <summary>Filters, order and page size for <see cref="BusinessesClient.ListAsync(CustomerId, ListBusinessesOptions?, CancellationToken)"/>.</summary>
public sealed record ListBusinessesOptions
{
    /// <summary>
    /// Gets the id of the business to start after (the API's <c>after</c>). To resume a listing, pass a
    /// <see cref="Page{T}.ContinuationToken"/> to <see cref="AsyncPageable{T}.AsPages"/> instead.
    /// </summary>
    public string? After { get; init; }

    /// <summary>Gets how many businesses to ask for per page, from 1 to 200 (the server default is 50).</summary>
    public int? PerPage { get; init; }

    /// <summary>Gets the order by id (<c>order_by=id[ASC]</c> or <c>id[DESC]</c>; the server default is descending).</summary>
    public SortOrder? Order { get; init; }

    /// <summary>Gets the statuses to return (the server default is active only). Sent comma-separated.</summary>
    public IReadOnlyList<BusinessStatus>? Statuses { get; init; }

    /// <summary>Gets a search query of at most 100 characters, matched against every field, contacts included, but status and timestamps.</summary>
    public string? Search { get; init; }

    /// <summary>Gets the ids to return; other businesses are left out. Sent comma-separated.</summary>
    public IReadOnlyList<BusinessId>? Ids { get; init; }

    /// <summary>Writes the members that carry no personal data; read the properties for the rest.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"After = {After}, PerPage = {PerPage}, Order = {Order}, Statuses = {(Statuses is null ? null : string.Join(",", Statuses))}, Ids = {Ids?.Count}, Search = {(Search is null ? null : "(set)")}, (search text not shown)");
        return true;
    }
}
