namespace CustomerAddresses.Client;

/// <summary>A problem the server found with one field of a request.</summary>
/// <param name="Field">The field's wire name, such as <c>email</c>, if the server named one.</param>
/// <param name="Message">The server's explanation.</param>
/// <param name="Code">The server's code for the problem, if it gave one.</param>
public sealed record ApiFieldError(string? Field, string Message, string? Code = null);
