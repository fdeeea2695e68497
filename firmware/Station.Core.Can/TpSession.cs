namespace Station.Core.Can
{
    /// <summary>One J1939-21 reassembly slot, keyed by (sender, receiver); the buffer is allocated once.</summary>
    public sealed class TpSession
    {
        /// <summary>Reassembly buffer; valid bytes are 0..Size-1 once the message is complete.</summary>
        public readonly byte[] Buffer;
        /// <summary>What the session waits for; Idle = free slot.</summary>
        public TpWait Wait;
        /// <summary>Opened by BAM (no CTS, receiver 0xFF) rather than RTS.</summary>
        public bool Broadcast;
        /// <summary>Source address of the message.</summary>
        public int Sender;
        /// <summary>Destination address of the message (0xFF for BAM).</summary>
        public int Receiver;
        /// <summary>PGN of the carried message.</summary>
        public int Pgn;
        /// <summary>Announced total size in bytes.</summary>
        public int Size;
        /// <summary>Announced number of packets.</summary>
        public int Packets;
        /// <summary>Sequence number the next data packet must carry.</summary>
        public int NextSeq;
        /// <summary>Packets still allowed by the last CTS.</summary>
        public int WindowLeft;
        /// <summary>Sender's limit of packets per CTS (from RTS byte 5; 255 = none).</summary>
        public int MaxPerCts;
        /// <summary>When the current wait times out.</summary>
        public long DeadlineMs;
        /// <summary>The station's queued answer: 0 none, 17 CTS, 19 EndOfMsgACK.</summary>
        public int PendingAnswer;
        /// <summary>The message was delivered; only the EndOfMsgACK is still queued.</summary>
        public bool Delivered;
        /// <summary>Frames received for this session so far (announcement, CTSs, data packets, Abort), so that each
        /// frame is counted once as part of a message or of a drop.</summary>
        public int Frames;

        /// <summary>Creates a free slot with a buffer for messages up to <paramref name="capacity"/> bytes.</summary>
        public TpSession(int capacity)
        {
            Buffer = new byte[capacity];
        }
    }
}
