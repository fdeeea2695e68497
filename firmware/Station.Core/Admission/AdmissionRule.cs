namespace Station.Core.Admission
{
    /// <summary>One row of the admission chain: a check, the reason a refusal carries, and what it asks. Read-only.</summary>
    public sealed class AdmissionRule
    {
        /// <summary>The check.</summary>
        public readonly AdmissionCheck Check;
        /// <summary>The reason code of its refusal (console and cloud carry it).</summary>
        public readonly RejectReason Reason;
        /// <summary>True when it judges the authorisation itself (vehicle, pack named): 'why' cannot ask it without one.</summary>
        public readonly bool PerRequest;
        /// <summary>True when, failing, it makes the later checks moot ('why' stops listing there: the station is busy,
        /// faulted or waiting for recovery, and that is the whole answer).</summary>
        public readonly bool Final;
        /// <summary>What the check asks, one line (docs, tests).</summary>
        public readonly string Summary;

        /// <summary>Builds a row.</summary>
        public AdmissionRule(AdmissionCheck check, RejectReason reason, bool perRequest, bool final, string summary)
        {
            Check = check;
            Reason = reason;
            PerRequest = perRequest;
            Final = final;
            Summary = summary;
        }
    }
}
