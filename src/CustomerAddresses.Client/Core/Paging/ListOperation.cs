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
internal sealed class ListOperation<TApi, TArgs, TItem>
    where TItem : class
{
    /// <param name="info">Name, method, route template and retry safety.</param>
    /// <param name="items">The item list's JSON metadata.</param>
    /// <param name="itemsMember">The offset shape's items member, such as <c>addresses</c>.</param>
    /// <param name="ownerMember">The offset shape's owner member, such as <c>customer_id</c>, or null.</param>
    /// <param name="send">Calls the Refit method for one page.</param>
    /// <param name="cursorOf">An item's cursor for <c>after</c>: its id.</param>
    /// <param name="complete">Fills in what the server may leave out of an item, from the owner the body names and the arguments.</param>
    internal ListOperation(
        OperationInfo info,
        JsonTypeInfo<List<TItem>> items,
        string itemsMember,
        string? ownerMember,
        Func<TApi, TArgs, PageQuery, OperationInfo, CancellationToken, Task<HttpResponseMessage>> send,
        Func<TItem, string> cursorOf,
        Action<TItem, string?, TArgs>? complete = null)
    {
        Info = info;
        Items = items;
        ItemsMember = itemsMember;
        OwnerMember = ownerMember;
        Send = send;
        CursorOf = cursorOf;
        Complete = complete;
    }

    internal OperationInfo Info { get; }

    internal JsonTypeInfo<List<TItem>> Items { get; }

    internal string ItemsMember { get; }

    internal string? OwnerMember { get; }

    internal Func<TApi, TArgs, PageQuery, OperationInfo, CancellationToken, Task<HttpResponseMessage>> Send { get; }

    internal Func<TItem, string> CursorOf { get; }

    internal Action<TItem, string?, TArgs>? Complete { get; }
}
