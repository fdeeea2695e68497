namespace Station.Core
{
    /// <summary>One row of the fault catalogue. Read-only: the catalogue's rows cannot be changed after start-up.</summary>
    public sealed class FaultRow
    {
        /// <summary>The fault's number (journal, logs, cloud).</summary>
        public readonly FaultCode Code;
        /// <summary>Its name, e.g. "LiftStall" (nanoFramework cannot print an enum's name).</summary>
        public readonly string Name;
        /// <summary>Which part of the bay it comes from.</summary>
        public readonly FaultCategory Category;
        /// <summary>True when an authorised remote operator may reset it without anyone on site.</summary>
        public readonly bool RemoteReset;
        /// <summary>What the fault means, one sentence.</summary>
        public readonly string Meaning;
        /// <summary>What the technician does about it.</summary>
        public readonly string Action;

        /// <summary>Builds a row.</summary>
        public FaultRow(FaultCode code, string name, FaultCategory category, bool remoteReset, string meaning, string action)
        {
            Code = code;
            Name = name;
            Category = category;
            RemoteReset = remoteReset;
            Meaning = meaning;
            Action = action;
        }
    }
}
