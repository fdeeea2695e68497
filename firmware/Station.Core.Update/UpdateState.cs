namespace Station.Core.Update
{
    /// <summary>Where an over-the-air update stands; each state is reported to the cloud with an <see cref="UpdateReason"/>.
    /// The numbers are part of the cloud contract: never renumber, only append.</summary>
    public enum UpdateState
    {
        /// <summary>No update in hand.</summary>
        Idle = 0,
        /// <summary>An offer was accepted; nothing received yet.</summary>
        Offered = 1,
        /// <summary>Chunks are arriving; progress is the stored length.</summary>
        Downloading = 2,
        /// <summary>Every byte is stored; verification comes next.</summary>
        Downloaded = 3,
        /// <summary>Signature and hashes are being checked, a slice per loop pass.</summary>
        Verifying = 4,
        /// <summary>The bundle was refused (reason says why); it was deleted.</summary>
        VerificationFailed = 5,
        /// <summary>Verified; waiting until the station can restart without interrupting work.</summary>
        WaitingForSafeMoment = 6,
        /// <summary>The loader's record now names the new image for a trial boot; the restart is due.</summary>
        Installing = 7,
        /// <summary>Running the new image on probation.</summary>
        Installed = 8,
        /// <summary>Probation passed: the new image is the confirmed one.</summary>
        ProbationPassed = 9,
        /// <summary>The new image failed; the station runs the previous one again.</summary>
        RolledBack = 10,
        /// <summary>The operator cancelled; the partial bundle was deleted.</summary>
        Cancelled = 11,
    }
}
