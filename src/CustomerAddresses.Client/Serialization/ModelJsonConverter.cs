using System.Text.Json.Serialization;

namespace CustomerAddresses.Client.Serialization;

/// <summary>
/// A response model's hand-written reader (see <see cref="ModelJson"/>). It reads exactly the object the reader is on
/// and never needs the value's extent first, so the envelope reader can call it in place, mid-body.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal abstract class ModelJsonConverter<T> : JsonConverter<T>;
