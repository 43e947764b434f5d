using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// Both list shapes in one type: the cursor envelope (<c>data</c> + <c>meta.pagination</c>) and the
/// offset body (<c>customer_id</c> + <c>addresses</c> + <c>limit</c> + <c>offset</c>).
/// </summary>
internal sealed class AddressListBody
{
    [JsonPropertyName("data")]
    public List<Address>? Data { get; set; }

    [JsonPropertyName("meta")]
    public ResponseMeta? Meta { get; set; }

    [JsonPropertyName("customer_id")]
    public CustomerId? CustomerId { get; set; }

    [JsonPropertyName("addresses")]
    public List<Address>? Addresses { get; set; }

    [JsonPropertyName("limit")]
    public int? Limit { get; set; }

    [JsonPropertyName("offset")]
    public int? Offset { get; set; }

    /// <summary>Gets whether the body is the offset shape (seed 001) rather than the cursor envelope.</summary>
    [JsonIgnore]
    public bool IsOffsetShape => Data is null && (Addresses is not null || Limit is not null || Offset is not null);
}

/// <summary>The <c>meta</c> member of an enveloped response.</summary>
internal sealed class ResponseMeta
{
    [JsonPropertyName("request_id")]
    public string? RequestId { get; set; }

    [JsonPropertyName("pagination")]
    public PaginationMeta? Pagination { get; set; }
}

/// <summary>The <c>meta.pagination</c> member of a cursor-paged list.</summary>
internal sealed class PaginationMeta
{
    [JsonPropertyName("per_page")]
    public int? PerPage { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("has_more")]
    public bool? HasMore { get; set; }

    [JsonPropertyName("estimated_total")]
    public int? EstimatedTotal { get; set; }
}
