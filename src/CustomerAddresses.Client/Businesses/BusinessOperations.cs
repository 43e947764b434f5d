using CustomerAddresses.Client.Core;
using CustomerAddresses.Client.Core.Paging;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Businesses;

/// <summary>Paddle's business endpoints, each declared once; the /api/v1 API has none (a <see cref="NotSupportedException"/> before any request).</summary>
internal static class BusinessOperations
{
    internal const string Route = "customers/{customer_id}/businesses";
    internal const string ItemRoute = Route + "/{business_id}";

    internal static readonly Dialects<ApiOperation<IBusinessesApi, (CustomerId CustomerId, CreateBusinessRequest Request), Business>> Create =
        Dialects<ApiOperation<IBusinessesApi, (CustomerId CustomerId, CreateBusinessRequest Request), Business>>.PaddleOnly(new(
            new OperationInfo("businesses.create", "Create business", HttpMethod.Post, Route),
            nameof(BusinessesJsonContext.CreateBusinessRequest),
            static () => BusinessesJsonContext.Default.Business,
            BusinessChecks.Create,
            static (api, args, call, ct) => api.CreateAsync(args.CustomerId.Value, args.Request, call, ct),
            static (business, args) => business.FillMissingCustomerId(args.CustomerId)));

    internal static readonly Dialects<ApiOperation<IBusinessesApi, (CustomerId CustomerId, BusinessId Id), Business>> Get =
        Dialects<ApiOperation<IBusinessesApi, (CustomerId CustomerId, BusinessId Id), Business>>.PaddleOnly(new(
            new OperationInfo("businesses.get", "Get business", HttpMethod.Get, ItemRoute),
            RequestBody: null,
            static () => BusinessesJsonContext.Default.Business,
            BusinessChecks.Ids,
            static (api, args, call, ct) => api.GetAsync(args.CustomerId.Value, args.Id.Value, call, ct),
            static (business, args) => business.FillMissingCustomerId(args.CustomerId)));

    internal static readonly Dialects<ApiOperation<IBusinessesApi, (CustomerId CustomerId, BusinessId Id, UpdateBusinessRequest Request), Business>> Update =
        Dialects<ApiOperation<IBusinessesApi, (CustomerId CustomerId, BusinessId Id, UpdateBusinessRequest Request), Business>>.PaddleOnly(new(
            new OperationInfo("businesses.update", "Update business", HttpMethod.Patch, ItemRoute),
            nameof(BusinessesJsonContext.UpdateBusinessRequest),
            static () => BusinessesJsonContext.Default.Business,
            BusinessChecks.Update,
            static (api, args, call, ct) => api.UpdateAsync(args.CustomerId.Value, args.Id.Value, args.Request, call, ct),
            static (business, args) => business.FillMissingCustomerId(args.CustomerId)));

    internal static readonly Dialects<ListOperation<IBusinessesApi, OwnedListArgs, Business>> List = Dialects<ListOperation<IBusinessesApi, OwnedListArgs, Business>>.PaddleOnly(new(
        new OperationInfo("businesses.list", "List businesses", HttpMethod.Get, Route),
        static () => BusinessesJsonContext.Default.ListBodyBusiness,
        ItemsMember: ListBody<Business>.DataOnly, // Paddle's cursor envelope only: no offset shape to read
        OwnerMember: null,
        static (api, args, q, call, ct) => api.ListAsync(args.CustomerId.Value, q.After, q.PerPage, args.OrderBy, args.Status, args.Search, args.Id, call, ct),
        static business => business.Id.Value,
        static (business, _, args) => business.FillMissingCustomerId(args.CustomerId)));
}
