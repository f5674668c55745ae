/// Decodes a directive's ``DirectiveParameters`` from validated ``CellArguments``:
/// the synthesized `init(from:)` asks for each property by its name, and the
/// property's ``Parameter`` takes the value in the form its kind promises.
///
/// Only keyed decoding of `Parameter` properties is supported; anything else is
/// a declaration mistake and throws.
struct ArgumentDecoder: Decoder {
    let arguments: CellArguments
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(arguments: arguments))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw ArgumentDecoder.unsupported([]) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw ArgumentDecoder.unsupported([]) }

    static func unsupported(_ path: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path, debugDescription: "directive parameters must be declared with @Parameter"))
    }

    private struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let arguments: CellArguments
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { arguments.values.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { arguments.values[key.stringValue] == nil }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: ArgumentValueDecoder(name: key.stringValue, value: arguments.values[key.stringValue], codingPath: [key]))
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { throw unsupported(key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { throw unsupported(key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw unsupported(key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw unsupported(key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { throw unsupported(key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw unsupported(key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw unsupported(key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw unsupported(key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw unsupported(key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw unsupported(key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw unsupported(key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw unsupported(key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw unsupported(key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw unsupported(key) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw unsupported(key)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw unsupported(key) }
        func superDecoder() throws -> any Decoder { throw ArgumentDecoder.unsupported([]) }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw unsupported(key) }

        private func unsupported(_ key: Key) -> DecodingError { ArgumentDecoder.unsupported([key]) }
    }
}

/// The decoder one ``Parameter`` reads its value from.
struct ArgumentValueDecoder: Decoder {
    let name: String
    let value: ArgumentValue?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw ArgumentDecoder.unsupported(codingPath) }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw ArgumentDecoder.unsupported(codingPath) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw ArgumentDecoder.unsupported(codingPath) }
}
