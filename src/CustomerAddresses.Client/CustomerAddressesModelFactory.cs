using System.Globalization;
using System.Text.Json.Nodes;

namespace CustomerAddresses.Client;

/// <summary>
/// Builds models, pages and listings for your own unit tests of code that depends on
/// <see cref="CustomerAddressesClient"/>, without HTTP. Every argument has a sensible default; ids left out are
/// generated in the documented shape and never repeat within a process.
/// </summary>
public static class CustomerAddressesModelFactory
{
    private static long s_sequence;

    private static string NextId(string prefix) =>
        prefix + Interlocked.Increment(ref s_sequence).ToString("D26", CultureInfo.InvariantCulture);

    /// <summary>Builds a customer.</summary>
    /// <param name="id">The id; generated when <see langword="null"/>.</param>
    /// <param name="name">The name.</param>
    /// <param name="email">The email address.</param>
    /// <param name="status">The status; active when <see langword="null"/>.</param>
    /// <param name="address">The billing city and country.</param>
    /// <param name="customData">Custom data.</param>
    /// <param name="createdAt">The creation time; 2024-01-01 UTC when <see langword="null"/>.</param>
    /// <returns>The customer.</returns>
    public static Customer Customer(
        CustomerId? id = null,
        string? name = "Ada Lovelace",
        string? email = "ada@example.com",
        CustomerStatus? status = null,
        CustomerPostalAddress? address = null,
        JsonObject? customData = null,
        DateTimeOffset? createdAt = null) => new()
        {
            Id = id ?? CustomerId.Parse(NextId("ctm_")),
            Name = name,
            Email = email,
            Status = status ?? CustomerStatus.Active,
            Address = address,
            CustomData = customData,
            CreatedAt = createdAt ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = createdAt ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

    /// <summary>Builds a customer address.</summary>
    /// <param name="id">The id; generated when <see langword="null"/>.</param>
    /// <param name="customerId">The owner; generated when <see langword="null"/>.</param>
    /// <param name="city">The city.</param>
    /// <param name="region">The region.</param>
    /// <param name="country">The country; <c>US</c> when <see langword="null"/>.</param>
    /// <param name="description">The description.</param>
    /// <param name="status">The status; active when <see langword="null"/>.</param>
    /// <param name="firstLine">The first line.</param>
    /// <param name="postalCode">The postal code.</param>
    /// <param name="customData">Custom data.</param>
    /// <returns>The address.</returns>
    public static Address Address(
        AddressId? id = null,
        CustomerId? customerId = null,
        string? city = "San Francisco",
        string? region = "California",
        CountryCode? country = null,
        string? description = null,
        AddressStatus? status = null,
        string? firstLine = null,
        string? postalCode = null,
        JsonObject? customData = null) => new()
        {
            Id = id ?? AddressId.Parse(NextId("add_")),
            CustomerId = customerId ?? CustomerId.Parse(NextId("ctm_")),
            City = city,
            Region = region,
            Country = country ?? CountryCode.UnitedStates,
            Description = description,
            Status = status ?? AddressStatus.Active,
            FirstLine = firstLine,
            PostalCode = postalCode,
            CustomData = customData,
            CreatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

    /// <summary>Builds an organization billing address.</summary>
    /// <param name="id">The id; generated when <see langword="null"/>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="company">The company.</param>
    /// <param name="addressLine1">The first line.</param>
    /// <param name="city">The city.</param>
    /// <param name="state">The state.</param>
    /// <param name="postalCode">The postal code.</param>
    /// <param name="country">The country; <c>US</c> when <see langword="null"/>.</param>
    /// <param name="isDefault">Whether it is the default billing address.</param>
    /// <returns>The billing address.</returns>
    public static BillingAddress BillingAddress(
        BillingAddressId? id = null,
        string? name = "Head Office",
        string? company = "Acme Corporation",
        string? addressLine1 = "789 New Street",
        string? city = "Los Angeles",
        string? state = "CA",
        string? postalCode = "90210",
        CountryCode? country = null,
        bool isDefault = false) => new()
        {
            Id = id ?? BillingAddressId.Parse("billing_" + Interlocked.Increment(ref s_sequence).ToString(CultureInfo.InvariantCulture)),
            Name = name,
            Company = company,
            AddressLine1 = addressLine1,
            City = city,
            State = state,
            PostalCode = postalCode,
            Country = country ?? CountryCode.UnitedStates,
            IsDefault = isDefault,
            CreatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

    /// <summary>Splits items into pages as a server would, each but the last with a token for the next.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">All the items.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <returns>The pages; one empty page when there are no items.</returns>
    public static IReadOnlyList<Page<T>> Pages<T>(IEnumerable<T> items, int pageSize = 50)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        T[][] chunks = items.Chunk(pageSize).ToArray();
        if (chunks.Length == 0)
        {
            return [new Page<T>([], hasMore: false)];
        }

        int total = chunks.Sum(c => c.Length);
        return chunks.Select((chunk, i) => new Page<T>(
            chunk,
            hasMore: i < chunks.Length - 1,
            continuationToken: i < chunks.Length - 1 ? $"page-{i + 2}" : null,
            estimatedTotal: total)).ToArray();
    }

    /// <summary>
    /// A listing over items split into pages as a server would: return it from a fake of a client's list method.
    /// Enumerating it yields the items; <see cref="AsyncPageable{T}.AsPages"/> yields the pages and resumes from their tokens.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">All the items.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <returns>The listing.</returns>
    public static AsyncPageable<T> Pageable<T>(IEnumerable<T> items, int pageSize = 50) => AsyncPageable<T>.FromPages(Pages(items, pageSize));

    /// <summary>What a server says about a call that succeeded, to return from a fake of an overload that takes <see cref="RequestOptions"/>.</summary>
    /// <param name="statusCode">The status; 200 by default.</param>
    /// <param name="requestId">The server's request id.</param>
    /// <param name="clientRequestId">The client request id the call sent.</param>
    /// <returns>The metadata, with no headers.</returns>
    public static ApiResponse Response(System.Net.HttpStatusCode statusCode = System.Net.HttpStatusCode.OK, string? requestId = null, string? clientRequestId = null) =>
        new(statusCode, requestId, clientRequestId, headers: null, contentHeaders: null);

    /// <summary>A resource with what a server says about the call, to return from a fake of an overload that takes <see cref="RequestOptions"/>.</summary>
    /// <typeparam name="T">The resource.</typeparam>
    /// <param name="value">The resource.</param>
    /// <param name="statusCode">The status; 200 by default.</param>
    /// <param name="requestId">The server's request id.</param>
    /// <param name="clientRequestId">The client request id the call sent.</param>
    /// <returns>The response, with no headers.</returns>
    public static ApiResponse<T> Response<T>(T value, System.Net.HttpStatusCode statusCode = System.Net.HttpStatusCode.OK, string? requestId = null, string? clientRequestId = null) =>
        new(value, statusCode, requestId, clientRequestId, headers: null, contentHeaders: null);
}
