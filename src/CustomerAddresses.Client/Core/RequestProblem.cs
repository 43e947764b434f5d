namespace CustomerAddresses.Client;

/// <summary>
/// Why a request would be refused before it is sent, as data: the member and the rule. A <c>Validate</c> method returns
/// these (<see cref="CustomersClient.Validate(CreateCustomerRequest)"/>, <see cref="AddressesClient.Validate(CreateAddressRequest)"/>),
/// and the matching call refuses the same request with an <see cref="ArgumentException"/> of the same words.
/// </summary>
/// <param name="Member">The request's member, as the request type names it: <c>Email</c>, <c>Country</c>, <c>CustomData</c>.</param>
/// <param name="Reason">The rule it breaks, without the member's name: <c>must be an email address (it has no '@').</c></param>
public sealed record RequestProblem(string Member, string Reason)
{
    /// <summary>The problem as the matching <see cref="ArgumentException"/> says it: the member, then the rule.</summary>
    /// <returns>Such as <c>Email must be an email address (it has no '@').</c></returns>
    public override string ToString() => $"{Member} {Reason}";

    /// <summary>
    /// The problem a check's exception describes: the member its words begin with (<c>request.Contacts[1]</c> of the
    /// parameter <c>request.Contacts</c>), else its parameter, without <c>request.</c>; and its words after the member.
    /// </summary>
    internal static RequestProblem From(ArgumentException e)
    {
        string name = e.ParamName ?? "request";
        string message = e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal);
        int space = message.IndexOf(' ', StringComparison.Ordinal);
        bool named = space > 0 && message.StartsWith(name, StringComparison.Ordinal);
        string member = named ? message[..space] : name;
        return new RequestProblem(
            member.StartsWith("request.", StringComparison.Ordinal) ? member["request.".Length..] : member,
            named ? message[(space + 1)..] : message);
    }
}
