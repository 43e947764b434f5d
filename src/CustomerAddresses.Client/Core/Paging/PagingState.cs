namespace CustomerAddresses.Client.Core.Paging;

/// <summary>What a listing has seen so far, so that a server repeating itself ends it instead of looping for ever.</summary>
internal sealed class PagingState
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Records a position; false when it was seen before.</summary>
    internal bool FirstTime(string position) => _seen.Add(position);
}
