namespace CustomerAddresses.Client;

/// <summary>
/// The error codes Paddle documents for customers and addresses, to compare with
/// <see cref="CustomerAddressesApiException.ErrorCode"/> (the comparison is ordinal: Paddle's codes are lower case).
/// </summary>
public static class PaddleErrorCodes
{
    /// <summary>A customer with this email exists (409); <see cref="ConflictException.ExistingCustomerId"/> names it.</summary>
    public const string CustomerAlreadyExists = "customer_already_exists";

    /// <summary>The email is not valid (400).</summary>
    public const string CustomerEmailInvalid = "customer_email_invalid";

    /// <summary>The email's domain is not allowed (400).</summary>
    public const string CustomerEmailDomainNotAllowed = "customer_email_domain_not_allowed";

    /// <summary>Paddle does not sell to this location (400).</summary>
    public const string AddressLocationNotAllowed = "address_location_not_allowed";

    /// <summary>The entity is archived and cannot be changed (400).</summary>
    public const string EntityArchived = "entity_archived";

    /// <summary>A field is missing or invalid, or is not one the request defines (400); see <see cref="CustomerAddressesApiException.FieldErrors"/>.</summary>
    public const string InvalidField = "invalid_field";

    /// <summary>No such entity (404).</summary>
    public const string NotFound = "not_found";

    /// <summary>The key may not do this (403).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>The key is not valid, or not for this environment (403).</summary>
    public const string InvalidToken = "invalid_token";

    /// <summary>No key was sent (403).</summary>
    public const string AuthenticationMissing = "authentication_missing";

    /// <summary>The <c>Authorization</c> header is malformed (403).</summary>
    public const string AuthenticationMalformed = "authentication_malformed";

    /// <summary>Too many requests (429); see <see cref="CustomerAddressesApiException.RetryAfter"/>.</summary>
    public const string TooManyRequests = "too_many_requests";
}
