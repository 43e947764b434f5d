using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using CustomerAddresses.Client.Diagnostics;
using CustomerAddresses.Client.Errors;
using CustomerAddresses.Client.Protocol.Errors;
using Microsoft.Extensions.Logging;

namespace CustomerAddresses.Client.Protocol;

/// <summary>
/// Reads every response the client receives: a success body becomes a model or a list envelope, anything else a
/// typed <see cref="CustomerAddressesApiException"/>. No JSON exception escapes from here.
/// </summary>
internal sealed class ResponseReader
{
    /// <summary>The largest single-resource body read; a larger one is refused rather than buffered.</summary>
    internal const int MaxResourceBytes = 4 * 1024 * 1024;

    /// <summary>The largest list body read when the pipeline did not buffer it already.</summary>
    internal const int MaxListBytes = 32 * 1024 * 1024;

    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal ResponseReader(SecretRedactor redactor, TimeProvider timeProvider, ILogger logger)
    {
        _redactor = redactor;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    internal SecretRedactor Redactor => _redactor;

    /// <param name="response">The response.</param>
    /// <param name="typeInfo">The resource's JSON metadata.</param>
    /// <param name="operation">The operation, for messages.</param>
    /// <param name="whenEmpty">The result of a success without a body, or null when a body is required.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The resource, and the request id the body's <c>meta</c> names, if any.</returns>
    internal Task<(T Value, string? RequestId)> ReadResourceAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, OperationInfo operation, Func<T>? whenEmpty, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync(response, operation, MaxResourceBytes, (this, typeInfo, whenEmpty), static (state, response, operation, body) =>
        {
            if (body.IsEmpty && state.whenEmpty is { } empty)
            {
                return (empty(), (string?)null);
            }

            T? value = ResourceEnvelope.Read(body, state.typeInfo, out string? requestId);
            state.Item1.Succeeded(response, requestId);
            return value is null ? throw state.Item1.Unexpected(response, operation, "the body holds no resource", body.ToArray(), null) : (value, requestId);
        }, cancellationToken);

    internal Task<ListEnvelope<T>> ReadListAsync<T>(
        HttpResponseMessage response,
        JsonTypeInfo<ListBody<T>> body,
        string itemsMember,
        string? ownerMember,
        OperationInfo operation,
        CancellationToken cancellationToken) =>
        ReadAsync(response, operation, MaxListBytes, (this, body, itemsMember, ownerMember), static (state, response, operation, json) =>
        {
            ListEnvelope<T> list = ListEnvelopeReader.Read(json, state.body, state.itemsMember, state.ownerMember);
            state.Item1.Succeeded(response, list.RequestId);
            return list;
        }, cancellationToken);

    private delegate T Parser<TState, T>(TState state, HttpResponseMessage response, OperationInfo operation, ReadOnlySpan<byte> body);

    /// <summary>Throws for an error status; otherwise parses the body in place (buffered by the pipeline, or read here up to a limit).</summary>
    private async Task<T> ReadAsync<TState, T>(HttpResponseMessage response, OperationInfo operation, int maxBytes, TState state, Parser<TState, T> parse, CancellationToken cancellationToken)
    {
        await ThrowIfFailedAsync(response, operation, cancellationToken).ConfigureAwait(false);
        if (response.Content is PooledBufferContent pooled)
        {
            return pooled.Span.Length > maxBytes
                ? throw TooLarge(response, operation, maxBytes)
                : Parse(response, operation, pooled.Span, state, parse);
        }

        (byte[] rented, int length, bool truncated) = await BodyReader.ReadPooledAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            return truncated ? throw TooLarge(response, operation, maxBytes) : Parse(response, operation, rented.AsSpan(0, length), state, parse);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private T Parse<TState, T>(HttpResponseMessage response, OperationInfo operation, ReadOnlySpan<byte> body, TState state, Parser<TState, T> parse)
    {
        try
        {
            return parse(state, response, operation, body);
        }
        catch (Exception e) when (MalformedJson.Is(e))
        {
            throw Unexpected(response, operation, e.Message, body.ToArray(), e);
        }
    }

    private void Succeeded(HttpResponseMessage response, string? requestId) =>
        ClientTelemetry.Succeeded(response, (this, response, requestId), static s => SessionHeaders.RedactorFor(s.Item1._redactor, s.response).Redact(s.requestId ?? ResponseHeaders.RequestId(s.response)));

    internal async Task ThrowIfFailedAsync(HttpResponseMessage response, OperationInfo operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            CustomerAddressesApiException error = await ErrorResponseReader.ReadAsync(response, operation, SessionHeaders.RedactorFor(_redactor, response), _timeProvider, cancellationToken).ConfigureAwait(false);
            CallLog.ApiErrorSafely(_logger, operation.Display, (int)error.StatusCode, error.ErrorCode, error.RequestId);
            throw error;
        }
    }

    private UnexpectedResponseException TooLarge(HttpResponseMessage response, OperationInfo operation, int maxBytes) =>
        Unexpected(response, operation, $"the body is larger than {maxBytes / (1024 * 1024)} MiB", null, null);

    /// <summary>An exception for a success response whose body breaks the contract.</summary>
    internal UnexpectedResponseException Unexpected(HttpResponseMessage response, OperationInfo operation, string problem, byte[]? body, Exception? inner)
    {
        SecretRedactor redactor = SessionHeaders.RedactorFor(_redactor, response);
        string? requestId = redactor.Redact(ResponseHeaders.RequestId(response));
        if (operation.HasSecretAnswers && inner is not null)
        {
            // The answer holds credentials the client cannot know yet (they are what it failed to read): nothing of it
            // is quoted (no excerpt either), not even the JSON reader's words, which may name a member or a character of it.
            problem = "the body is not the documented resource (not quoted: this operation's answers carry credentials)";
            inner = null;
        }

        string? excerpt = ErrorBodyParser.ExcerptFor(operation, body, redactor);
        string message = $"{operation.Display} returned {(int)response.StatusCode} but its response could not be read: {LogText.OneLine(redactor.Redact(problem), 300)}."
            + (requestId is null ? string.Empty : $" Request id: {LogText.OneLine(requestId, 100)}.");

        // The reader's own exception may quote what the server sent (a value that was a credential): keep its type and
        // its redacted words, not the original.
        Exception? safeInner = inner is null ? null : new System.Text.Json.JsonException(redactor.Redact(inner.Message));
        return new UnexpectedResponseException(response.StatusCode, message, new ApiErrorDetails(null, null, null, null, [], requestId, null, excerpt), safeInner);
    }
}
