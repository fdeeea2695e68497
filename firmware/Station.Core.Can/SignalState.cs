namespace Station.Core.Can
{
    /// <summary>Outcome of decoding one signal of one message.</summary>
    public enum SignalState
    {
        /// <summary>A value inside the signal's range.</summary>
        Value = 0,
        /// <summary>The field carries the "not available" fill (all ones): prints null.</summary>
        NotAvailable = 1,
        /// <summary>The message is too short to carry this optional field: prints null.</summary>
        Absent = 2,
        /// <summary>A value outside the signal's range (still printed; flagged).</summary>
        OutOfRange = 3,
    }
}
