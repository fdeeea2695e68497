namespace Station.Core.Cloud
{
    /// <summary>Why a cloud command was accepted or rejected; the number and the name from
    /// <see cref="CloudReasons"/> go into every reply. Numbers are part of the cloud contract (docs/cloud.md): never renumber.</summary>
    public enum CloudReason
    {
        /// <summary>Parsed, validated and applied.</summary>
        Accepted = 0,
        /// <summary>Payload larger than <see cref="CommandParser.MaxCommandBytes"/>.</summary>
        Oversized = 1,
        /// <summary>Not a flat JSON object in valid UTF-8, or a member given twice.</summary>
        Malformed = 2,
        /// <summary>"v" is not a schema version this firmware speaks.</summary>
        UnsupportedVersion = 3,
        /// <summary>"cmd" names no command in the table.</summary>
        UnknownCommand = 4,
        /// <summary>A member this command does not take.</summary>
        UnknownField = 5,
        /// <summary>A member of the wrong JSON type (or a timestamp that is not ISO 8601 UTC).</summary>
        WrongType = 6,
        /// <summary>A required member is missing.</summary>
        MissingField = 7,
        /// <summary>A value outside its allowed range, length or character set.</summary>
        OutOfRange = 8,
        /// <summary>The command's expiry ("exp") has passed.</summary>
        Expired = 9,
        /// <summary>This message id was already processed (replay window).</summary>
        Replayed = 10,
        /// <summary>The message came on a topic other than this station's command topic.</summary>
        WrongTopic = 11,
        /// <summary>The station's clock is not set, so expiry cannot be checked: motion commands are refused.</summary>
        ClockNotSet = 12,
        /// <summary>The station is not in a state where this (motion) command is safe; the message says why.</summary>
        UnsafeState = 13,
        /// <summary>The station is busy (a swap is under way).</summary>
        Busy = 14,
        /// <summary>The fault is not one the catalogue allows to be reset remotely.</summary>
        NotRemotelyResettable = 15,
        /// <summary>Unknown configuration key.</summary>
        UnknownKey = 16,
        /// <summary>The cloud outbox is nearly full: new swaps are refused until records drain.</summary>
        OutboxFull = 17,
        /// <summary>The station refused for another reason; the message says which.</summary>
        Refused = 18,
        /// <summary>The fault named is not the one latched.</summary>
        NoSuchFault = 19,
        /// <summary>The configuration key is set on site only (console), never by the cloud (e.g. the PIN hash); the
        /// message says why.</summary>
        NotRemotelySettable = 20,
        /// <summary>config.set needs remote maintenance (maintenance.enter) first, as the console needs maint enter.</summary>
        NotInMaintenance = 21,
        /// <summary>The update agent refused (its reason word is the message).</summary>
        UpdateRefused = 22,
    }
}
