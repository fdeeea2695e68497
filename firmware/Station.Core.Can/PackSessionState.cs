namespace Station.Core.Can
{
    /// <summary>Charger-side GB/T 27930 session states; names in <see cref="PackSessionStates"/>.</summary>
    public enum PackSessionState
    {
        /// <summary>Not started.</summary>
        Idle = 0,
        /// <summary>Sending CHM, waiting for BHM.</summary>
        Handshake = 1,
        /// <summary>Sending CRM 0x00, waiting for BRM.</summary>
        Recognition = 2,
        /// <summary>Sending CRM 0xAA, waiting for BCP.</summary>
        Parameters = 3,
        /// <summary>Sending CTS/CML, waiting for BRO 0xAA.</summary>
        WaitBmsReady = 4,
        /// <summary>Sending CRO 0xAA and CCS (no current), reading BCL/BCS/BSM while the pack sits in the bay.</summary>
        Status = 5,
        /// <summary>Sending CST, waiting for BST.</summary>
        Stopping = 6,
        /// <summary>Waiting for BSD, then sending CSD.</summary>
        Statistics = 7,
        /// <summary>Clean end (BST/CST, BSD/CSD exchanged).</summary>
        Ended = 8,
        /// <summary>Broken: a timeout (CEM sent) or the BMS reported one (BEM); see <see cref="PackSession.Failure"/>.</summary>
        Failed = 9,
    }
}
