using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CustomerAddresses.Client.Testing;

/// <summary>
/// How the emulator reads a request body: whole, up to <see cref="MaxBodyBytes"/>, as one JSON object whose every
/// member name and string is valid text; anything else is the dialect's 400, never a 500.
/// </summary>
internal static class RequestBody
{
    /// <summary>The largest request body read; a larger one is a 400, as a malformed one is.</summary>
    internal const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The 400's detail for a body larger than <see cref="MaxBodyBytes"/>, in every dialect.</summary>
    internal static readonly string TooLargeDetail = $"The request body is larger than {MaxBodyBytes / 1024} KiB.";

    private static readonly JsonDocumentOptions s_strict = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>Why a body could not be read, for the 400's detail.</summary>
    internal enum BodyProblem
    {
        /// <summary>Not one JSON object: bad syntax, bad UTF-8, a lone surrogate, a duplicate member, nested too deep.</summary>
        Malformed,

        /// <summary>Larger than <see cref="MaxBodyBytes"/>.</summary>
        TooLarge,
    }

    /// <summary>
    /// The body as a JSON object, or null and why not. Every member name and string is read here, so that nothing later
    /// fails on bad text; a duplicate member or nesting past 64 levels is malformed, as it is to System.Text.Json.
    /// </summary>
    internal static async Task<(JsonObject? Body, BodyProblem Problem)> ReadObjectOrProblem(HttpContext context) =>
        Parse(await ReadBytes(context.Request.Body, context.RequestAborted));

    /// <summary>The bytes as a JSON object with every name and string read, or null and why not.</summary>
    private static (JsonObject? Body, BodyProblem Problem) Parse(byte[]? bytes)
    {
        if (bytes is null)
        {
            return (null, BodyProblem.TooLarge);
        }

        try
        {
            if (JsonNode.Parse(bytes, documentOptions: s_strict) is JsonObject body)
            {
                Materialize(body);
                return (body, BodyProblem.Malformed);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Invalid UTF-8 or a lone surrogate in a name or a string, a duplicate member: not JSON the server reads.
        }

        return (null, BodyProblem.Malformed);
    }

    /// <summary>The 400 of a body that could not be read as a JSON object.</summary>
    private static Task InvalidJson(HttpContext context, BodyProblem problem) =>
        ApiResponses.Error(context, 400, "request_error", "invalid_json", problem == BodyProblem.TooLarge ? TooLargeDetail : "Invalid JSON in your request.");

    /// <summary>The whole body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBytes(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads every member name and string now (a node reads them lazily, and would throw later on bad text).</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach ((string _, JsonNode? value) in members)
                {
                    Materialize(value);
                }

                break;
            case JsonArray items:
                foreach (JsonNode? item in items)
                {
                    Materialize(item);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }

    /// <summary>
    /// For an operation that takes no body (Paddle's SDKs send none): nothing, or an empty object, is accepted; a member
    /// is a 400 <c>invalid_field</c> and anything else a 400 <c>invalid_json</c>, answered here. Returns whether to go on.
    /// </summary>
    internal static async Task<bool> ReadNone(HttpContext context)
    {
        byte[]? bytes = await ReadBytes(context.Request.Body, context.RequestAborted);
        if (bytes is not null && bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return true;
        }

        (JsonObject? body, BodyProblem problem) = Parse(bytes);
        if (body is null)
        {
            await InvalidJson(context, problem);
            return false;
        }

        var problems = new List<(string, string)>();
        RequestChecks.OnlyMembers(body, [], problems);
        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return false;
        }

        return true;
    }

    /// <summary>The body of a Paddle-style create, or null once a 400 (bad JSON or invalid fields) has been answered.</summary>
    internal static async Task<JsonObject?> ReadValid(HttpContext context, Func<JsonObject, List<(string, string)>> check)
    {
        (JsonObject? body, BodyProblem problem) = await ReadObjectOrProblem(context);
        if (body is null)
        {
            await InvalidJson(context, problem);
            return null;
        }

        List<(string, string)> problems = check(body);
        if (problems.Count > 0)
        {
            await ApiResponses.InvalidFields(context, problems);
            return null;
        }

        return body;
    }
}
