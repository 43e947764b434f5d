using CustomerAddresses.Client.Protocol;
using Refit;

namespace CustomerAddresses.Client.PaymentMethods;

/// <summary>Paddle's saved payment method endpoints. Responses are read by the SDK's response reader, never by Refit.</summary>
internal interface IPaymentMethodsApi
{
    [Get("/" + PaymentMethodOperations.ItemRoute)]
    Task<HttpResponseMessage> GetAsync([AliasAs("customer_id")] string customerId, [AliasAs("payment_method_id")] string paymentMethodId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    [Delete("/" + PaymentMethodOperations.ItemRoute)]
    Task<HttpResponseMessage> DeleteAsync([AliasAs("customer_id")] string customerId, [AliasAs("payment_method_id")] string paymentMethodId, [Property(CallContext.OptionName)] CallContext call, CancellationToken cancellationToken);

    /// <summary>One page; a null argument is left out of the query string.</summary>
    [Get("/" + PaymentMethodOperations.Route)]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("customer_id")] string customerId,
        [AliasAs("after")] string? after,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("order_by")] string? orderBy,
        [AliasAs("address_id")] string? addressId,
        [AliasAs("supports_checkout")] string? supportsCheckout,
        [Property(CallContext.OptionName)] CallContext call,
        CancellationToken cancellationToken);
}
