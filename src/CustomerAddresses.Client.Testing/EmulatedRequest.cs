namespace CustomerAddresses.Client.Testing;

/// <summary>One request the emulator received, and what it did with it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query string.</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="StatusCode">The status answered, or 0 when the connection was aborted before a status was sent.</param>
/// <param name="Fault">The fault injected, or <see cref="EmulatorFault.None"/>.</param>
/// <param name="ClientRequestId">The <c>X-Client-Request-Id</c> header the client sent, if any.</param>
/// <param name="Body">The request body, or empty.</param>
public sealed record EmulatedRequest(string Method, string Path, string Query, int StatusCode, EmulatorFault Fault, string? ClientRequestId, string Body);
