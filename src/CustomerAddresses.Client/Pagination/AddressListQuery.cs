using System.Globalization;
using CustomerAddresses.Client.Primitives;

namespace CustomerAddresses.Client.Pagination;

/// <summary>The query of one list request, in wire form. Null members are left out of the URL.</summary>
internal sealed record AddressListQuery(
    string? After,
    int? PerPage,
    string? OrderBy,
    string? Status,
    string? Search,
    string? Id,
    int? Limit,
    int? Offset)
{
    internal const int MaxPerPage = 200;
    internal const int MaxSearchLength = 100;
    internal const int MaxCursorLength = 1024;

    /// <summary>Cursors of offset-paged servers look like <c>offset:40</c>; an address id never contains ':'.</summary>
    internal const string OffsetCursorPrefix = "offset:";

    /// <summary>Validates the caller's options and turns them into the first request's query.</summary>
    internal static AddressListQuery From(ListAddressesOptions? options)
    {
        options ??= new ListAddressesOptions();

        if (options.PerPage is { } perPage && (perPage < 1 || perPage > MaxPerPage))
        {
            throw new ArgumentOutOfRangeException("options.PerPage", perPage, $"options.PerPage must be from 1 to {MaxPerPage}.");
        }

        if (options.Search is { } search)
        {
            RequestChecks.Required(search, "options.Search", MaxSearchLength);
        }

        string? orderBy = null;
        if (options.Order is { } order)
        {
            RequestChecks.NotDefault<SortOrder>(order, "options.Order");
            if (!order.Value.All(char.IsAsciiLetter))
            {
                throw new ArgumentException("options.Order must be ASC or DESC.", "options.Order");
            }

            orderBy = $"id[{order.Value}]";
        }

        string? status = null;
        if (options.Statuses is { } statuses)
        {
            NotEmpty(statuses, "options.Statuses");
            foreach (AddressStatus s in statuses)
            {
                RequestChecks.NotDefault<AddressStatus>(s, "options.Statuses");
                if (s.Value.Contains(',', StringComparison.Ordinal))
                {
                    throw new ArgumentException("options.Statuses must not contain ','.", "options.Statuses");
                }
            }

            status = string.Join(',', statuses.Select(s => s.Value));
        }

        string? id = null;
        if (options.Ids is { } ids)
        {
            NotEmpty(ids, "options.Ids");
            foreach (AddressId addressId in ids)
            {
                TypedId.ThrowIfDefault(addressId, "options.Ids");
            }

            id = string.Join(',', ids.Select(i => i.Value));
        }

        var query = new AddressListQuery(null, options.PerPage, orderBy, status, options.Search, id, null, null);
        return options.After is { } after ? query.ResumeFrom(after) : query;
    }

    /// <summary>Where a cursor from <see cref="Page{T}.NextCursor"/> (or an address id) says to continue.</summary>
    private AddressListQuery ResumeFrom(string after)
    {
        if (after.Length == 0 || after.Length > MaxCursorLength || after.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"options.After must be a cursor from Page.NextCursor or an address id: non-empty, at most {MaxCursorLength} characters, no white space.",
                "options.After");
        }

        if (!after.StartsWith(OffsetCursorPrefix, StringComparison.Ordinal))
        {
            return this with { After = after };
        }

        if (!int.TryParse(after.AsSpan(OffsetCursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int offset))
        {
            throw new ArgumentException("options.After is an offset cursor whose offset is not a whole number.", "options.After");
        }

        return this with { PerPage = null, Limit = PerPage, Offset = offset };
    }

    private static void NotEmpty<T>(IReadOnlyList<T> values, string name)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} must hold at least one value, or be null for no filter.", name);
        }
    }
}
