namespace Station.Core.Can
{
    /// <summary>Why a transport session was dropped or a frame rejected. Names are in <see cref="DropReasons"/>.</summary>
    public enum DropReason
    {
        /// <summary>Nothing dropped.</summary>
        None = 0,
        /// <summary>T1 (750 ms) passed between two data packets, or after a BAM announcement.</summary>
        TimeoutT1 = 1,
        /// <summary>T2 (1250 ms) passed after a CTS without the data packet it asked for.</summary>
        TimeoutT2 = 2,
        /// <summary>T3 (1250 ms) passed after an RTS or the end of a window without the receiver's CTS.</summary>
        TimeoutT3 = 3,
        /// <summary>T4 (1050 ms) passed after a CTS "hold" without the next CTS.</summary>
        TimeoutT4 = 4,
        /// <summary>Tr (200 ms) passed without the station managing to send its answer (CTS, ACK) on the bus.</summary>
        TimeoutTr = 5,
        /// <summary>The sender of the message aborted the session (TP.CM Abort).</summary>
        AbortedBySender = 6,
        /// <summary>The receiver of the message aborted the session (TP.CM Abort).</summary>
        AbortedByReceiver = 7,
        /// <summary>A data packet skipped a sequence number or came out of order.</summary>
        WrongSequence = 8,
        /// <summary>A data packet repeated the previous sequence number.</summary>
        DuplicateSequence = 9,
        /// <summary>A data packet came that no CTS asked for.</summary>
        UnexpectedPacket = 10,
        /// <summary>The RTS/BAM announcement is impossible: size outside 9..1785 or packet count not ceil(size/7).</summary>
        BadAnnouncement = 11,
        /// <summary>A data packet's DLC is too short to carry the bytes the announced size needs from it.</summary>
        ShortPacket = 12,
        /// <summary>No free session slot for another concurrent session.</summary>
        NoResources = 13,
        /// <summary>A new RTS/BAM from the same sender replaced the open session.</summary>
        Restarted = 14,
        /// <summary>A TP.CM frame with a DLC other than 8.</summary>
        BadControlFrame = 15,
        /// <summary>A single-frame message whose DLC is shorter than the message needs.</summary>
        ShortFrame = 16,
        /// <summary>A transported message shorter than the message needs (e.g. an 8-byte BCS).</summary>
        ShortMessage = 17,
        /// <summary>A profile message with a standard (11-bit) id or the wrong addresses for its direction.</summary>
        WrongAddressing = 18,
        /// <summary>The session was still open when the input ended (end of a log file).</summary>
        Unfinished = 19,
        /// <summary>A line of a log file that is not a candump frame.</summary>
        BadLogLine = 20,
        /// <summary>The announced PGN is not a profile message carried by the transport protocol.</summary>
        UnknownPgn = 21,
        /// <summary>A transport frame between the station and a BMS (data packet, CTS, EndOfMsgACK, Abort) that belongs to
        /// no open session: a stray packet, or a late one of a session already dropped or delivered.</summary>
        NoSession = 22,
    }
}
