using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Errors;
using CustomerAddresses.Client.Serialization;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Http;

/// <summary>
/// Reads every response the client receives: a success body becomes a model, anything else a typed
/// <see cref="CustomerAddressesApiException"/>. No <see cref="JsonException"/> escapes from here.
/// </summary>
internal sealed class ResponseReader
{
    /// <summary>The largest single-resource body read; a larger one is refused rather than buffered.</summary>
    internal const int MaxResourceBytes = 4 * 1024 * 1024;

    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal ResponseReader(SecretRedactor redactor, TimeProvider timeProvider, ILogger logger)
    {
        _redactor = redactor;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    internal async Task<T> ReadResourceAsync<T>(
        HttpResponseMessage response,
        JsonTypeInfo<T> typeInfo,
        string operation,
        CancellationToken cancellationToken)
        where T : class
    {
        await ThrowIfFailedAsync(response, operation, cancellationToken).ConfigureAwait(false);

        if (response.Content is PooledBufferContent pooled)
        {
            // The usual case: the pipeline already holds the body; parse it in place.
            return pooled.Span.Length > MaxResourceBytes
                ? throw Unexpected(response, operation, $"the body is larger than {MaxResourceBytes / (1024 * 1024)} MiB", null, null)
                : Parse(response, pooled.Span, typeInfo, operation);
        }

        (byte[] rented, int length, bool truncated) = await BodyReader.ReadPooledAsync(response.Content, MaxResourceBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            return truncated
                ? throw Unexpected(response, operation, $"the body is larger than {MaxResourceBytes / (1024 * 1024)} MiB", null, null)
                : Parse(response, rented.AsSpan(0, length), typeInfo, operation);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private T Parse<T>(HttpResponseMessage response, ReadOnlySpan<byte> body, JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        try
        {
            T? value = ResourceEnvelope.Read(body, typeInfo, out string? requestId);
            ClientTelemetry.Succeeded(response, (this, response, requestId), static s => s.Item1._redactor.Redact(s.requestId ?? RequestIdHeader(s.response)));
            return value ?? throw Unexpected(response, operation, "the body holds no resource", body.ToArray(), null);
        }
        catch (Exception e) when (IsMalformedJson(e))
        {
            throw Unexpected(response, operation, e.Message, body.ToArray(), e);
        }
    }

    internal async Task<AddressListBody> ReadAddressListAsync(
        HttpResponseMessage response,
        string operation,
        CancellationToken cancellationToken)
    {
        await ThrowIfFailedAsync(response, operation, cancellationToken).ConfigureAwait(false);

        AddressListBody? body;
        try
        {
            if (response.Content is PooledBufferContent pooled)
            {
                body = JsonSerializer.Deserialize(pooled.Span, CustomerAddressesJsonContext.Default.AddressListBody);
            }
            else
            {
                Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    body = await JsonSerializer.DeserializeAsync(stream, CustomerAddressesJsonContext.Default.AddressListBody, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (IsMalformedJson(e))
        {
            throw Unexpected(response, operation, e.Message, null, e);
        }

        if (body is null || (body.Data is null && body.Addresses is null))
        {
            throw Unexpected(response, operation, "the body holds neither 'data' nor 'addresses'", null, null);
        }

        if ((body.Data ?? body.Addresses)!.Contains(null!))
        {
            throw Unexpected(response, operation, "the list holds a null item", null, null);
        }

        ClientTelemetry.Succeeded(response, (this, response, body), static s => s.Item1._redactor.Redact(s.body.Meta?.RequestId ?? RequestIdHeader(s.response)));
        return body;
    }

    internal async Task ThrowIfFailedAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            CustomerAddressesApiException error = await ApiErrorReader.ReadAsync(response, operation, _redactor, _timeProvider, cancellationToken).ConfigureAwait(false);
            CallLog.ApiError(_logger, operation, (int)error.StatusCode, error.ErrorCode, error.RequestId);
            throw error;
        }
    }

    /// <summary>An exception for a success response whose body breaks the contract.</summary>
    internal UnexpectedResponseException Unexpected(HttpResponseMessage response, string operation, string problem, byte[]? body, Exception? inner)
    {
        string? requestId = _redactor.Redact(RequestIdHeader(response));
        string? excerpt = body is null ? null : _redactor.Redact(ApiErrorReader.Excerpt(body, ApiErrorReader.ExcerptLength));
        string message = $"{operation} returned {(int)response.StatusCode} but its response could not be read: {_redactor.Redact(ApiErrorReader.OneLine(problem, 300))}."
            + (requestId is null ? string.Empty : $" Request id: {requestId}.");
        return (UnexpectedResponseException)new UnexpectedResponseException(response.StatusCode, message, inner)
            .WithDetails(new ApiErrorDetails(null, null, null, null, [], requestId, null, excerpt));
    }

    /// <summary>
    /// Malformed JSON: a <see cref="JsonException"/>, or the <see cref="InvalidOperationException"/> a JSON reader throws
    /// when a string holds bytes that are not UTF-8.
    /// </summary>
    internal static bool IsMalformedJson(Exception e) =>
        e is JsonException || (e is InvalidOperationException && e.InnerException is System.Text.DecoderFallbackException);

    /// <summary>The server's request id from the <c>Request-Id</c> or <c>X-Request-Id</c> header.</summary>
    internal static string? RequestIdHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out IEnumerable<string>? a) ? a.FirstOrDefault()
        : response.Headers.TryGetValues("X-Request-Id", out IEnumerable<string>? b) ? b.FirstOrDefault()
        : null;
}
