namespace Station.Core.Can
{
    /// <summary>SAE J1939-21 transport protocol timers, in milliseconds (values of SAE J1939-21).</summary>
    /// <remarks>
    /// Tr: a node must answer (CTS, EndOfMsgACK) within Tr. The station answers in the same call that received the
    ///     frame; Tr bounds how long it keeps retrying when its transmit queue is full.
    /// Th: a receiver that holds (CTS with 0 packets) must repeat the hold within Th. The station never holds, since it
    ///     owns the whole buffer before it answers an RTS; a monitor judges a hold by the sender's tolerance T4.
    /// T1: receiver, between data packets (and after a BAM announcement).
    /// T2: receiver, after sending a CTS, for the first packet it asked for.
    /// T3: sender, after RTS or the last packet of a window, for the CTS (used by the passive monitor).
    /// T4: sender, after a CTS hold, for the next CTS (used by the passive monitor).
    /// </remarks>
    public sealed class TpTimings
    {
        /// <summary>Response time.</summary>
        public int TrMs = 200;
        /// <summary>Hold time.</summary>
        public int ThMs = 500;
        /// <summary>Between packets.</summary>
        public int T1Ms = 750;
        /// <summary>After CTS, for data.</summary>
        public int T2Ms = 1250;
        /// <summary>After RTS or a window's last packet, for CTS.</summary>
        public int T3Ms = 1250;
        /// <summary>After a hold, for CTS.</summary>
        public int T4Ms = 1050;
    }
}
