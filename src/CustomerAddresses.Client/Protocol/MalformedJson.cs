using System.Text.Json;

namespace CustomerAddresses.Client.Protocol;

/// <summary>Tells a body that is not well-formed JSON of the expected shape from any other failure.</summary>
internal static class MalformedJson
{
    /// <summary>
    /// A <see cref="JsonException"/>, or the <see cref="InvalidOperationException"/> a JSON reader throws when a
    /// string holds bytes that are not UTF-8.
    /// </summary>
    internal static bool Is(Exception e) =>
        e is JsonException || (e is InvalidOperationException && e.InnerException is System.Text.DecoderFallbackException);
}
