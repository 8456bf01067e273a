namespace Hezhou.Exchange.Server.Errors;

/// <summary>
/// The ErrorInfo reasons this service returns (AIP-193). Each is a constant that never changes meaning; clients may
/// branch on them.
/// </summary>
public static class ErrorReasons
{
    public const string Domain = "exchange.hezhou.gov.cn";

    /// <summary>No credential was presented.</summary>
    public const string CredentialMissing = "CREDENTIAL_MISSING";

    /// <summary>A credential was presented but is not known.</summary>
    public const string CredentialInvalid = "CREDENTIAL_INVALID";

    /// <summary>The principal's role may not call the method.</summary>
    public const string RoleNotPermitted = "ROLE_NOT_PERMITTED";

    /// <summary>A department sent a record kind another department is authoritative for.</summary>
    public const string RecordKindNotPermitted = "RECORD_KIND_NOT_PERMITTED";

    /// <summary>A request field is malformed; BadRequest lists the fields.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>A batch holds more records than allowed in one message.</summary>
    public const string BatchTooLarge = "BATCH_TOO_LARGE";

    /// <summary>A stream holds more records than allowed in one batch.</summary>
    public const string StreamTooLong = "STREAM_TOO_LONG";

    /// <summary>A gRPC message is larger than Limits:MaxMessageBytes.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>A batch_id was used before for other records.</summary>
    public const string BatchIdReused = "BATCH_ID_REUSED";

    /// <summary>The batch named does not exist (for this department).</summary>
    public const string BatchNotFound = "BATCH_NOT_FOUND";

    /// <summary>The store cannot take writes now (disk full, read-only, locked); retry later.</summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>Anything unexpected; details are in the server log, never in the response.</summary>
    public const string Internal = "INTERNAL";
}
