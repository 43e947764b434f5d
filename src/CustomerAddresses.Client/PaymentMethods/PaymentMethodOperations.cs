using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Primitives;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.PaymentMethods;

/// <summary>The validated owner and filters of a payment method listing, in wire form.</summary>
internal sealed record PaymentMethodListArgs(CustomerId CustomerId, string? OrderBy, string? AddressIds, string? SupportsCheckout)
{
    internal static (PaymentMethodListArgs Args, PageQuery First) From(CustomerId customerId, ListPaymentMethodsOptions? options)
    {
        TypedId.ThrowIfDefault(customerId, nameof(customerId));
        options ??= new ListPaymentMethodsOptions();
        var args = new PaymentMethodListArgs(
            customerId,
            ListQueryChecks.OrderById(options.Order, "options.Order"),
            ListQueryChecks.CommaSeparated(options.AddressIds, static id => id.Value, "options.AddressIds"),
            options.SupportsCheckout switch { true => "true", false => "false", null => null });
        return (args, PageQuery.First(ListQueryChecks.After(options.After, "options.After"), ListQueryChecks.PerPage(options.PerPage, "options.PerPage")));
    }
}

/// <summary>Paddle's saved payment method endpoints, each declared once; the /api/v1 API has none (a <see cref="NotSupportedException"/> before any request).</summary>
internal static class PaymentMethodOperations
{
    internal const string Route = "customers/{customer_id}/payment-methods";
    internal const string ItemRoute = Route + "/{payment_method_id}";

    internal static void Ids((CustomerId CustomerId, PaymentMethodId Id) args)
    {
        TypedId.ThrowIfDefault(args.CustomerId, "customerId");
        TypedId.ThrowIfDefault(args.Id, "paymentMethodId");
    }

    internal static readonly Dialects<ApiOperation<IPaymentMethodsApi, (CustomerId CustomerId, PaymentMethodId Id), PaymentMethod>> Get =
        Dialects<ApiOperation<IPaymentMethodsApi, (CustomerId CustomerId, PaymentMethodId Id), PaymentMethod>>.PaddleOnly(new(
            new OperationInfo("payment_methods.get", "Get payment method", HttpMethod.Get, ItemRoute),
            RequestBody: null,
            static () => PaymentMethodsJsonContext.Default.PaymentMethod,
            Ids,
            static (api, args, call, ct) => api.GetAsync(args.CustomerId.Value, args.Id.Value, call, ct),
            static (method, args) => method.FillMissingCustomerId(args.CustomerId)));

    /// <summary>
    /// A delete is the same request however often it is sent, so it is retried like a read: it deletes once, and any
    /// later attempt or call answers what Paddle answers for a payment method that is gone (404 <c>not_found</c>).
    /// </summary>
    internal static readonly Dialects<ApiOperation<IPaymentMethodsApi, (CustomerId CustomerId, PaymentMethodId Id), Acknowledgement>> Delete =
        Dialects<ApiOperation<IPaymentMethodsApi, (CustomerId CustomerId, PaymentMethodId Id), Acknowledgement>>.PaddleOnly(new(
            new OperationInfo("payment_methods.delete", "Delete payment method", HttpMethod.Delete, ItemRoute),
            RequestBody: null,
            static () => PaymentMethodsJsonContext.Default.Acknowledgement,
            Ids,
            static (api, args, call, ct) => api.DeleteAsync(args.CustomerId.Value, args.Id.Value, call, ct),
            WhenEmpty: static () => Acknowledgement.Empty));

    internal static readonly Dialects<ListOperation<IPaymentMethodsApi, PaymentMethodListArgs, PaymentMethod>> List = Dialects<ListOperation<IPaymentMethodsApi, PaymentMethodListArgs, PaymentMethod>>.PaddleOnly(new(
        new OperationInfo("payment_methods.list", "List payment methods", HttpMethod.Get, Route),
        static () => PaymentMethodsJsonContext.Default.ListBodyPaymentMethod,
        ItemsMember: ListBody<PaymentMethod>.DataOnly, // Paddle's cursor envelope only
        OwnerMember: null,
        static (api, args, q, call, ct) => api.ListAsync(args.CustomerId.Value, q.After, q.PerPage, args.OrderBy, args.AddressIds, args.SupportsCheckout, call, ct),
        static method => method.Id.Value,
        static (method, _, args) => method.FillMissingCustomerId(args.CustomerId)));
}
