using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Protocol;

namespace CustomerAddresses.Client.Core.Paging;

/// <summary>
/// One list endpoint, declared once: what it is, the JSON type of its items, the members of its offset shape, how
/// its Refit method is called for one page, and how an item is completed and named as a cursor.
/// </summary>
/// <typeparam name="TApi">The Refit interface that holds its method.</typeparam>
/// <typeparam name="TArgs">The validated arguments (owner id, filters) shared by every page.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
/// <param name="Info">Name, method, route template and retry safety.</param>
/// <param name="Body">The list body's JSON metadata, from the resource's JSON context, resolved on the first page.</param>
/// <param name="ItemsMember">The offset shape's items member, such as <c>addresses</c>.</param>
/// <param name="OwnerMember">The offset shape's owner member, such as <c>customer_id</c>, or null.</param>
/// <param name="Send">Calls the Refit method for one page; the call context is passed on so the request carries it.</param>
/// <param name="CursorOf">An item's cursor for <c>after</c>: its id.</param>
/// <param name="Complete">Fills in what the server may leave out of an item, from the owner the body names and the arguments.</param>
/// <param name="MaxPageSize">The largest page size the endpoint documents, or null for one that answers the whole list at once (a page size hint is then refused).</param>
internal sealed record ListOperation<TApi, TArgs, TItem>(
    OperationInfo Info,
    Func<JsonTypeInfo<ListBody<TItem>>> Body,
    string ItemsMember,
    string? OwnerMember,
    Func<TApi, TArgs, PageQuery, CallContext, CancellationToken, Task<HttpResponseMessage>> Send,
    Func<TItem, string> CursorOf,
    Action<TItem, string?, TArgs>? Complete = null,
    int? MaxPageSize = ListQueryChecks.MaxPerPage) : IDeclaredOperation
    where TItem : class;
