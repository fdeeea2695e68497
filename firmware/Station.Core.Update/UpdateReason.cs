namespace Station.Core.Update
{
    /// <summary>Why an update is in its state (the reason in every status record). The numbers are part of the cloud
    /// contract: never renumber, only append.</summary>
    public enum UpdateReason
    {
        /// <summary>Nothing to explain: the normal path.</summary>
        None = 0,
        /// <summary>The manifest does not follow the format (a line missing, out of order, or malformed).</summary>
        ManifestMalformed = 1,
        /// <summary>The bundle's format version is not one this firmware reads.</summary>
        UnknownFormat = 2,
        /// <summary>Built for another board.</summary>
        WrongBoard = 3,
        /// <summary>Needs a newer loader than this station has.</summary>
        LoaderTooOld = 4,
        /// <summary>Its version is below the lowest this station may run (a downgrade).</summary>
        BelowMinimumVersion = 5,
        /// <summary>The signature is not the release key's over this manifest.</summary>
        SignatureInvalid = 6,
        /// <summary>The stored bytes are not as long as the manifest or the offer says.</summary>
        SizeMismatch = 7,
        /// <summary>An assembly's SHA-256 is not the manifest's.</summary>
        HashMismatch = 8,
        /// <summary>A chunk did not start where the stored bytes end (reordered, repeated or skipped).</summary>
        ChunkOutOfOrder = 9,
        /// <summary>A chunk's CRC-32 does not match its bytes.</summary>
        ChunkCorrupt = 10,
        /// <summary>A chunk is larger than the receive limit or runs past the offered size.</summary>
        ChunkTooLarge = 11,
        /// <summary>The storage refused a write or read.</summary>
        StorageFailed = 12,
        /// <summary>A swap is running or a pack is in transit: the restart waits.</summary>
        StationBusy = 13,
        /// <summary>Records in the outbox are not yet durable: the restart waits.</summary>
        OutboxNotDurable = 14,
        /// <summary>Another update is already in hand.</summary>
        UpdateInProgress = 15,
        /// <summary>The offer itself was malformed (size, chunk size or version out of range).</summary>
        OfferMalformed = 16,
        /// <summary>Cancelled by the operator.</summary>
        CancelledByOperator = 17,
        /// <summary>The new image did not complete its boots (reset, hang or crash) within the allowed count.</summary>
        BootsExhausted = 18,
        /// <summary>A watchdog reset during probation.</summary>
        WatchdogReset = 19,
        /// <summary>Probation ended without reaching the cloud in time.</summary>
        CloudNotReached = 20,
        /// <summary>A fault latched or a self-check failed during probation.</summary>
        FaultDuringProbation = 21,
        /// <summary>The image could not be loaded from storage.</summary>
        ImageUnloadable = 22,
        /// <summary>A power cut interrupted this step; it was resumed or restarted.</summary>
        ResumedAfterRestart = 23,
        /// <summary>This version already runs.</summary>
        AlreadyRunning = 24,
    }
}
