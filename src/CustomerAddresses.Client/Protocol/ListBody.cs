using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// Every member either list shape may carry, as one source-generated type: the whole body is read in a single pass
/// of the serializer, items included (a hand-written reader has to find the items' end before it can hand them to
/// the serializer, which tokenizes the largest part of the body twice).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ListBody<T>
{
    [JsonPropertyName("data")]
    public List<T>? Data { get; set; }

    /// <summary>Read in place by <see cref="ListMetaConverter"/>: a <c>meta</c> or <c>pagination</c> that is not an object is ignored.</summary>
    [JsonPropertyName("meta")]
    [JsonConverter(typeof(ListMetaConverter))]
    public ListMeta Meta { get; set; }

    [JsonPropertyName("addresses")]
    public List<T>? Addresses { get; set; }

    [JsonPropertyName("customers")]
    public List<T>? Customers { get; set; }

    [JsonPropertyName("billing_addresses")]
    public List<T>? BillingAddresses { get; set; }

    /// <summary>The offset shape's owner, kept raw: only the lists that have an owner require it to be a string.</summary>
    [JsonPropertyName("customer_id")]
    public JsonElement? CustomerId { get; set; }

    [JsonPropertyName("limit")]
    public int? Limit { get; set; }

    [JsonPropertyName("offset")]
    public int? Offset { get; set; }

    /// <summary>The items member of a list that has no offset shape: only the envelope's <c>data</c> is read.</summary>
    internal const string DataOnly = "data";

    /// <summary>Whether this type reads the offset shape's items member of that name (or the list has none: <see cref="DataOnly"/>).</summary>
    internal static bool Reads(string itemsMember) => itemsMember is "addresses" or "customers" or "billing_addresses" or DataOnly;

    /// <summary>The offset shape's items under <paramref name="itemsMember"/>.</summary>
    internal List<T>? OffsetItems(string itemsMember) => itemsMember switch
    {
        "addresses" => Addresses,
        "customers" => Customers,
        DataOnly => null,
        _ => BillingAddresses,
    };
}
