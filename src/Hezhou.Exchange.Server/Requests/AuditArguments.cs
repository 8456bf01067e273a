using Google.Rpc;
using Hezhou.Exchange.Domain;
using Hezhou.Exchange.Server.Errors;

namespace Hezhou.Exchange.Server.Requests;

/// <summary>The checks the auditors' requests share: citizen IDs, stated purposes, page sizes, enum filters.</summary>
public static class AuditArguments
{
    public const int MinimumPurposeLength = 4;
    public const int MaximumPurposeLength = 200;
    public const int DefaultPageSize = 50;
    public const int MaximumPageSize = 1000;

    /// <summary>Collects the violations of one request, to report them all at once.</summary>
    public sealed class Violations
    {
        private readonly List<(string Field, string Description)> found = [];

        public void Add(string field, string description) => found.Add((field, description));

        /// <summary>Checks a citizen ID as GB 11643-1999 and the calendar in China on <paramref name="today"/> define it.</summary>
        public void CitizenId(string field, string value, DateOnly today)
        {
            if (!Domain.Identity.CitizenId.TryParse(value, today, out _, out _, out var description))
            {
                Add(field, description);
            }
        }

        /// <summary>
        /// The stated purpose or case number that the access log records: at most 200 characters, of which at least 4
        /// can be seen (<see cref="Domain.Submissions.FreeText.VisibleLength"/>): a purpose of spaces, zero-width or
        /// combining characters alone is blank.
        /// </summary>
        public void Purpose(string field, string value)
        {
            if (Domain.Submissions.FreeText.VisibleLength(value) < MinimumPurposeLength
                || Domain.Submissions.FreeText.Length(value) > MaximumPurposeLength)
            {
                Add(field, $"state why the data is read, or a case number, in {MinimumPurposeLength}-{MaximumPurposeLength} " +
                    "characters that can be seen");
            }
            Text(field, value);
        }

        /// <summary>
        /// Free text that is stored and shown to others (a purpose, a note, a reason) obeys the character rules of names
        /// in records: no control characters, bidi overrides, invisible characters or non-characters.
        /// </summary>
        public void Text(string field, string value)
        {
            foreach (var (rule, description) in Domain.Submissions.FreeText.CharacterViolations(value))
            {
                Add(field, $"{description} ({rule})");
            }
        }

        /// <summary>Present, with at least one character that can be seen.</summary>
        public void Required(string field, string value)
        {
            if (Domain.Submissions.FreeText.VisibleLength(value) == 0)
            {
                Add(field, "is required");
            }
        }

        /// <summary>An enum that must be set to one of its defined values.</summary>
        public void RequiredEnum<TEnum>(string field, TEnum value)
            where TEnum : struct, Enum
        {
            if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 || !Enum.IsDefined(value))
            {
                Add(field, $"must be one of the defined {typeof(TEnum).Name} values");
            }
        }

        /// <summary>An enum filter: unset means any, otherwise one of its defined values.</summary>
        public void OptionalEnum<TEnum>(string field, TEnum value)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                Add(field, $"must be one of the defined {typeof(TEnum).Name} values, or unset");
            }
        }

        /// <summary>The day a request asks about: its date if real, today when unset.</summary>
        public DateOnly AsOfDate(string field, Google.Type.Date? date, DateOnly today)
        {
            if (date is null)
            {
                return today;
            }
            if (RealDay(date) is { } day)
            {
                return day;
            }
            Add(field, "must be a real day, or unset for today");
            return today;
        }

        /// <summary>At most <paramref name="maximum"/> characters, counted as code points.</summary>
        public void MaximumLength(string field, string value, int maximum)
        {
            if (Domain.Submissions.FreeText.Length(value) > maximum)
            {
                Add(field, $"must be at most {maximum:N0} characters");
            }
        }

        /// <summary>AIP-158: 0 means the default, larger than the maximum is lowered, negative is invalid.</summary>
        public int PageSize(string field, int value)
        {
            if (value < 0)
            {
                Add(field, "must not be negative");
            }
            return value switch
            {
                <= 0 => DefaultPageSize,
                > MaximumPageSize => MaximumPageSize,
                _ => value,
            };
        }

        /// <summary>Fails the call with INVALID_ARGUMENT naming every violation, if there is any.</summary>
        public void ThrowIfAny()
        {
            if (found.Count > 0)
            {
                throw ExchangeErrors.InvalidArgument([.. found]);
            }
        }
    }

    /// <summary>Today in China, the day against which birth dates and stable employment are judged.</summary>
    public static DateOnly Today(TimeProvider clock) => ChinaTime.DateOf(clock.GetUtcNow());

    /// <summary>A date of a request, or null when it is not a real day.</summary>
    public static DateOnly? RealDay(Google.Type.Date date) =>
        date.Year is >= 1 and <= 9999 && date.Month is >= 1 and <= 12
            && date.Day >= 1 && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day)
            : null;

    /// <summary>INVALID_ARGUMENT for a page token this server did not issue for these filters.</summary>
    public static Grpc.Core.RpcException InvalidPageToken(string field) =>
        ExchangeErrors.Create(
            Code.InvalidArgument, ErrorReasons.InvalidPageToken,
            $"{field}: not a token this list issued for these filters; start again with an empty {field}.",
            null,
            new BadRequest
            {
                FieldViolations =
                {
                    new BadRequest.Types.FieldViolation
                    {
                        Field = field,
                        Description = "not a next_page_token issued for the same filters",
                        Reason = ErrorReasons.InvalidPageToken,
                    },
                },
            });
}
