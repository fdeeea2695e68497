namespace Station.Core.Can
{
    /// <summary>Why a pack session failed.</summary>
    public enum PackSessionFailure
    {
        /// <summary>No failure.</summary>
        None = 0,
        /// <summary>No BHM within the timeout.</summary>
        NoBhm = 1,
        /// <summary>No BRM within the timeout (CEM timeout_brm sent).</summary>
        NoBrm = 2,
        /// <summary>No BCP within the timeout (CEM timeout_bcp sent).</summary>
        NoBcp = 3,
        /// <summary>No BRO 0xAA within the readiness timeout (CEM timeout_bro sent).</summary>
        NoBro = 4,
        /// <summary>BCS stopped coming (CEM timeout_bcs sent).</summary>
        NoBcs = 5,
        /// <summary>BCL stopped coming (CEM timeout_bcl sent).</summary>
        NoBcl = 6,
        /// <summary>No BST after the station's CST (CEM timeout_bst sent).</summary>
        NoBst = 7,
        /// <summary>No BSD after BST (CEM timeout_bsd sent).</summary>
        NoBsd = 8,
        /// <summary>The BMS sent BEM: it timed out waiting for the station.</summary>
        BmsTimeoutReport = 9,
        /// <summary>The BMS stopped the session (BST) before the station asked.</summary>
        BmsStopped = 10,
    }
}
