using System;

namespace Station.Core.Cloud
{
    /// <summary>One parsed cloud command. The parser fills a preallocated instance; nothing is applied until the
    /// whole command parsed and validated (<see cref="Reason"/> is Accepted).</summary>
    public sealed class CloudCommand
    {
        /// <summary>Outcome of parsing and validation.</summary>
        public CloudReason Reason;
        /// <summary>Which member or what exactly was wrong, for the reply.</summary>
        public string Detail;
        /// <summary>The command.</summary>
        public CommandKind Kind;
        /// <summary>Command name as sent (when it was readable).</summary>
        public string Name;
        /// <summary>The "cmd" text as sent when it names no command, sanitised for the audit trail (printable ASCII, at
        /// most 32 characters, anything else '?'), or null.</summary>
        public string TypedName;
        /// <summary>Message id (when it was readable), echoed in the reply as "re".</summary>
        public string Mid;
        /// <summary>True when "exp" was given.</summary>
        public bool HasExpiry;
        /// <summary>Expiry in UTC.</summary>
        public DateTime Expiry;
        /// <summary>Sender for the audit trail, or null.</summary>
        public string By;
        /// <summary>Vehicle id (swap.authorize).</summary>
        public string Vehicle;
        /// <summary>Pack serial (swap.authorize), or null to let the station choose.</summary>
        public string Pack;
        /// <summary>Configuration key.</summary>
        public string Key;
        /// <summary>Configuration value as text (numbers in decimal, booleans as true/false).</summary>
        public string Value;
        /// <summary>Fault code (fault.reset).</summary>
        public int Code;
        /// <summary>Offered firmware version, or null.</summary>
        public string Version;
        /// <summary>Offered bundle size in bytes, or 0.</summary>
        public int Size;
        /// <summary>swap.authorize: the booking terms (block positions, the standards the vehicle and each position accept).</summary>
        public readonly BookingTerms Booking = new BookingTerms();

        /// <summary>Clears every member before a parse.</summary>
        public void Clear()
        {
            Reason = CloudReason.Accepted;
            Detail = null;
            Kind = CommandKind.None;
            Name = null;
            TypedName = null;
            Mid = null;
            HasExpiry = false;
            Expiry = DateTime.MinValue;
            By = null;
            Vehicle = null;
            Pack = null;
            Key = null;
            Value = null;
            Code = 0;
            Version = null;
            Size = 0;
            Booking.Clear();
        }
    }
}
