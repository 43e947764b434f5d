using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Benchmarks;

// The hand-written baseline: HttpClient + System.Text.Json with a source-generated context of the same shapes,
// no paging abstraction, no validation, no retries, no error mapping. What a careful team would write by hand.

internal sealed record BaselineAddress(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("customer_id")] string? CustomerId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("first_line")] string? FirstLine,
    [property: JsonPropertyName("second_line")] string? SecondLine,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("postal_code")] string? PostalCode,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("country_code")] string? CountryCode,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("custom_data")] System.Text.Json.Nodes.JsonObject? CustomData,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt);

internal sealed record BaselinePagination(
    [property: JsonPropertyName("has_more")] bool HasMore,
    [property: JsonPropertyName("next")] string? Next);

internal sealed record BaselineMeta([property: JsonPropertyName("pagination")] BaselinePagination? Pagination);

internal sealed record BaselineList(
    [property: JsonPropertyName("data")] List<BaselineAddress> Data,
    [property: JsonPropertyName("meta")] BaselineMeta? Meta);

internal sealed record BaselineCreateAddress(
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("country")] string Country,
    [property: JsonPropertyName("description")] string? Description);

internal sealed record BaselineBillingAddress(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("company")] string? Company,
    [property: JsonPropertyName("address_line_1")] string? AddressLine1,
    [property: JsonPropertyName("address_line_2")] string? AddressLine2,
    [property: JsonPropertyName("city")] string? City,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("postal_code")] string? PostalCode,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("is_default")] bool IsDefault,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt);

internal sealed record BaselineBillingData([property: JsonPropertyName("billing_address")] BaselineBillingAddress BillingAddress);

internal sealed record BaselineBillingEnvelope([property: JsonPropertyName("data")] BaselineBillingData Data);

internal sealed record BaselineAddBillingAddress(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("company")] string Company,
    [property: JsonPropertyName("address_line_1")] string AddressLine1,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("postal_code")] string PostalCode,
    [property: JsonPropertyName("country")] string Country);

internal sealed record BaselineCustomer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("custom_data")] System.Text.Json.Nodes.JsonObject? CustomData,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("marketing_consent")] bool? MarketingConsent,
    [property: JsonPropertyName("locale")] string? Locale,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("import_meta")] System.Text.Json.Nodes.JsonObject? ImportMeta);

internal sealed record BaselineCustomerEnvelope([property: JsonPropertyName("data")] BaselineCustomer Data);

internal sealed record BaselineCustomerList(
    [property: JsonPropertyName("data")] List<BaselineCustomer> Data,
    [property: JsonPropertyName("meta")] BaselineMeta? Meta);

internal sealed record BaselineUpdateCustomer([property: JsonPropertyName("name")] string Name);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BaselineList))]
[JsonSerializable(typeof(BaselineAddress))]
[JsonSerializable(typeof(BaselineCreateAddress))]
[JsonSerializable(typeof(BaselineBillingEnvelope))]
[JsonSerializable(typeof(BaselineAddBillingAddress))]
[JsonSerializable(typeof(BaselineCustomerEnvelope))]
[JsonSerializable(typeof(BaselineCustomerList))]
[JsonSerializable(typeof(BaselineUpdateCustomer))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;

/// <summary>The baseline calls, one method per benchmarked operation.</summary>
internal sealed class BaselineClient(HttpClient http)
{
    public Task<BaselineList?> GetPageAsync(string customerId, string? after = null, int perPage = 50) =>
        http.GetFromJsonAsync($"customers/{customerId}/addresses?per_page={perPage}" + (after is null ? string.Empty : "&after=" + after), BaselineJsonContext.Default.BaselineList);

    public async Task<BaselineAddress?> CreateAddressAsync(string customerId, BaselineCreateAddress request)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync($"customers/{customerId}/addresses", request, BaselineJsonContext.Default.BaselineCreateAddress);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.BaselineAddress);
    }

    public async Task<BaselineBillingAddress?> AddBillingAddressAsync(string organizationId, BaselineAddBillingAddress request)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync($"organizations/{organizationId}/billing-addresses", request, BaselineJsonContext.Default.BaselineAddBillingAddress);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.BaselineBillingEnvelope))?.Data.BillingAddress;
    }

    public async Task<BaselineCustomer?> GetCustomerAsync(string customerId) =>
        (await http.GetFromJsonAsync($"customers/{customerId}", BaselineJsonContext.Default.BaselineCustomerEnvelope))?.Data;

    public async Task<BaselineCustomer?> UpdateCustomerAsync(string customerId, BaselineUpdateCustomer request)
    {
        using HttpResponseMessage response = await http.PatchAsJsonAsync($"customers/{customerId}", request, BaselineJsonContext.Default.BaselineUpdateCustomer);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(BaselineJsonContext.Default.BaselineCustomerEnvelope))?.Data;
    }

    public Task<BaselineCustomerList?> ListCustomersAsync(int perPage = 50) =>
        http.GetFromJsonAsync($"customers?per_page={perPage}", BaselineJsonContext.Default.BaselineCustomerList);

    /// <summary>Every address, page by page, following the cursor: one page in memory at a time.</summary>
    public async Task<int> StreamAsync(string customerId, int perPage)
    {
        int count = 0;
        string? after = null;
        while (true)
        {
            BaselineList page = (await GetPageAsync(customerId, after, perPage))!;
            count += page.Data.Count;
            if (page.Meta?.Pagination?.HasMore != true)
            {
                return count;
            }

            after = page.Data[^1].Id;
        }
    }
}
