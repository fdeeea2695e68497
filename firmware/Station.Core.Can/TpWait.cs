namespace Station.Core.Can
{
    /// <summary>What an open transport session is waiting for; each wait has its own J1939-21 timer.</summary>
    public enum TpWait
    {
        /// <summary>Slot free.</summary>
        Idle = 0,
        /// <summary>The next data packet of a running window or BAM (T1).</summary>
        Data = 1,
        /// <summary>The first data packet after a CTS (T2).</summary>
        DataAfterCts = 2,
        /// <summary>The receiver's CTS after an RTS or a finished window; passive monitor only (T3).</summary>
        Cts = 3,
        /// <summary>The next CTS after a hold; passive monitor only (T4).</summary>
        CtsAfterHold = 4,
        /// <summary>The station's own answer is still queued (Tr).</summary>
        Answer = 5,
    }
}
