using System.Text.Json;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// How deep the client reads and writes JSON. Responses are read to <see cref="MaxReadDepth"/> levels: a server's
/// envelope around custom data the client was allowed to send (63 levels) is deeper than the serializer's default 64;
/// requests are bounded by the client's own checks, well below it.
/// </summary>
internal static class JsonLimits
{
    /// <summary>How deep a response body may nest.</summary>
    internal const int MaxReadDepth = 256;

    /// <summary>The options of every reader over a response body.</summary>
    internal static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxReadDepth };

    /// <summary>The options of a document over a response body.</summary>
    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxReadDepth };
}
