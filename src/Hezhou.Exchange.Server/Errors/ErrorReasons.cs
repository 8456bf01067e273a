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

    /// <summary>A stream sent no message (nor half-closed) within Limits:StreamIdleTimeoutSeconds.</summary>
    public const string StreamIdle = "STREAM_IDLE";

    /// <summary>A stream was not half-closed within Limits:MaxStreamDurationSeconds of its start.</summary>
    public const string StreamDurationExceeded = "STREAM_DURATION_EXCEEDED";

    /// <summary>A gRPC message is larger than Limits:MaxMessageBytes.</summary>
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";

    /// <summary>The principal made more calls than RateLimits allows; RetryInfo says when to try again.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>
    /// The request's bytes cannot be read as the method's message: not protobuf, cut short, invalid UTF-8 in a string,
    /// or broken gRPC framing.
    /// </summary>
    public const string MessageMalformed = "MESSAGE_MALFORMED";

    /// <summary>A masked discrepancy key matches more than one discrepancy; the full key is needed.</summary>
    public const string DiscrepancyKeyAmbiguous = "DISCREPANCY_KEY_AMBIGUOUS";

    /// <summary>A batch_id was used before for other records.</summary>
    public const string BatchIdReused = "BATCH_ID_REUSED";

    /// <summary>The batch named does not exist (for this department).</summary>
    public const string BatchNotFound = "BATCH_NOT_FOUND";

    /// <summary>No reconciled person holds the citizen ID.</summary>
    public const string PersonNotFound = "PERSON_NOT_FOUND";

    /// <summary>No reconciled household has the household ID.</summary>
    public const string HouseholdNotFound = "HOUSEHOLD_NOT_FOUND";

    /// <summary>No discrepancy has the key (a key with a masked citizen ID is never found).</summary>
    public const string DiscrepancyNotFound = "DISCREPANCY_NOT_FOUND";

    /// <summary>No version of the source record was received.</summary>
    public const string RecordNotFound = "RECORD_NOT_FOUND";

    /// <summary>A page_token that this server did not issue, or issued for other filters.</summary>
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";

    /// <summary>The discrepancy's lifecycle does not allow the action or answer in its current status.</summary>
    public const string DiscrepancyTransitionNotAllowed = "DISCREPANCY_TRANSITION_NOT_ALLOWED";

    /// <summary>Another call changed the discrepancy first; read it again and retry.</summary>
    public const string DiscrepancyChangedConcurrently = "DISCREPANCY_CHANGED_CONCURRENTLY";

    /// <summary>A department asked for another department's records, or for a discrepancy not involving its own.</summary>
    public const string DepartmentNotPermitted = "DEPARTMENT_NOT_PERMITTED";

    /// <summary>The store cannot take writes now (disk full, read-only, locked); retry later.</summary>
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>Anything unexpected; details are in the server log, never in the response.</summary>
    public const string Internal = "INTERNAL";
}
