namespace Station.Core.Update
{
    /// <summary>Where a sliced signature check stands.</summary>
    public enum SignatureCheck
    {
        /// <summary>No check started.</summary>
        Idle = 0,
        /// <summary>Started; call <see cref="Ed25519Verifier.Step"/> again.</summary>
        Working = 1,
        /// <summary>The signature is the key holder's over exactly these bytes.</summary>
        Valid = 2,
        /// <summary>Refused: wrong key, altered bytes, or a malformed key or signature.</summary>
        Invalid = 3,
    }
}
