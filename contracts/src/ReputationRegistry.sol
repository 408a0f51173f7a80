// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// An ERC-8004 Reputation Registry written from the EIP text (Jan 24 2026 revision, the "2.0.0"
// contracts' ABI) for x402-probe's local sandbox. Like the IdentityRegistry beside it, it is placed
// with anvil_setCode, which copies runtime code only: the Identity registry's address is therefore
// an immutable (written into the runtime code by the constructor), not storage.

interface IIdentityRegistryForReputation {
    function isAuthorizedOrOwner(address spender, uint256 agentId) external view returns (bool);
}

contract ReputationRegistry {
    struct Feedback {
        int128 value;
        uint8 valueDecimals;
        bool isRevoked;
        string tag1;
        string tag2;
    }

    event NewFeedback(
        uint256 indexed agentId,
        address indexed clientAddress,
        uint64 feedbackIndex,
        int128 value,
        uint8 valueDecimals,
        string indexed indexedTag1,
        string tag1,
        string tag2,
        string endpoint,
        string feedbackURI,
        bytes32 feedbackHash
    );
    event FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress, uint64 indexed feedbackIndex);
    event ResponseAppended(
        uint256 indexed agentId,
        address indexed clientAddress,
        uint64 feedbackIndex,
        address indexed responder,
        string responseURI,
        bytes32 responseHash
    );

    int256 private constant MAX_ABS_VALUE = 1e38;
    uint8 private constant MAX_DECIMALS = 18;

    address private immutable _identityRegistry;

    // feedbackIndex is 1-based per (agentId, client): slot 0 of each list is never used.
    mapping(uint256 agentId => mapping(address client => Feedback[])) private _feedback;
    mapping(uint256 agentId => address[]) private _clients;
    mapping(uint256 agentId => mapping(address client => bool)) private _isClient;
    mapping(uint256 agentId => mapping(address client => mapping(uint64 index => mapping(address responder => uint64)))) private _responses;
    mapping(uint256 agentId => mapping(address client => mapping(uint64 index => uint64))) private _responseTotals;

    constructor(address identityRegistry_) {
        _identityRegistry = identityRegistry_;
    }

    function getIdentityRegistry() external view returns (address) {
        return _identityRegistry;
    }

    function getVersion() external pure returns (string memory) {
        return "2.0.0";
    }

    function giveFeedback(
        uint256 agentId,
        int128 value,
        uint8 valueDecimals,
        string calldata tag1,
        string calldata tag2,
        string calldata endpoint,
        string calldata feedbackURI,
        bytes32 feedbackHash
    ) external {
        require(valueDecimals <= MAX_DECIMALS, "too many decimals");
        require(value <= MAX_ABS_VALUE && value >= -MAX_ABS_VALUE, "value too large");
        // Reverts for an agent that does not exist, too.
        require(!IIdentityRegistryForReputation(_identityRegistry).isAuthorizedOrOwner(msg.sender, agentId), "Self-feedback not allowed");
        Feedback[] storage list = _feedback[agentId][msg.sender];
        if (list.length == 0) list.push();
        list.push(Feedback({value: value, valueDecimals: valueDecimals, isRevoked: false, tag1: tag1, tag2: tag2}));
        if (!_isClient[agentId][msg.sender]) {
            _isClient[agentId][msg.sender] = true;
            _clients[agentId].push(msg.sender);
        }
        emit NewFeedback(agentId, msg.sender, uint64(list.length - 1), value, valueDecimals, tag1, tag1, tag2, endpoint, feedbackURI, feedbackHash);
    }

    function revokeFeedback(uint256 agentId, uint64 feedbackIndex) external {
        Feedback storage entry = _entry(agentId, msg.sender, feedbackIndex);
        require(!entry.isRevoked, "already revoked");
        entry.isRevoked = true;
        emit FeedbackRevoked(agentId, msg.sender, feedbackIndex);
    }

    function appendResponse(uint256 agentId, address clientAddress, uint64 feedbackIndex, string calldata responseURI, bytes32 responseHash) external {
        _entry(agentId, clientAddress, feedbackIndex);
        _responses[agentId][clientAddress][feedbackIndex][msg.sender]++;
        _responseTotals[agentId][clientAddress][feedbackIndex]++;
        emit ResponseAppended(agentId, clientAddress, feedbackIndex, msg.sender, responseURI, responseHash);
    }

    function getSummary(uint256 agentId, address[] calldata clientAddresses, string calldata tag1, string calldata tag2)
        external
        view
        returns (uint64 count, int128 summaryValue, uint8 summaryValueDecimals)
    {
        require(clientAddresses.length > 0, "clientAddresses required");
        int256 total;
        uint64[19] memory decimalsSeen;
        for (uint256 c = 0; c < clientAddresses.length; c++) {
            Feedback[] storage list = _feedback[agentId][clientAddresses[c]];
            for (uint256 i = 1; i < list.length; i++) {
                Feedback storage entry = list[i];
                if (entry.isRevoked || !_matches(entry, tag1, tag2)) continue;
                total += int256(entry.value) * int256(10 ** (MAX_DECIMALS - entry.valueDecimals));
                decimalsSeen[entry.valueDecimals]++;
                count++;
            }
        }
        if (count == 0) return (0, 0, 0);
        // The average is normalised to 18 decimals, then given at the decimals most entries used.
        for (uint8 d = 1; d <= MAX_DECIMALS; d++) if (decimalsSeen[d] > decimalsSeen[summaryValueDecimals]) summaryValueDecimals = d;
        summaryValue = int128((total / int256(uint256(count))) / int256(10 ** (MAX_DECIMALS - summaryValueDecimals)));
    }

    function readFeedback(uint256 agentId, address clientAddress, uint64 feedbackIndex)
        external
        view
        returns (int128 value, uint8 valueDecimals, string memory tag1, string memory tag2, bool isRevoked)
    {
        Feedback storage entry = _entry(agentId, clientAddress, feedbackIndex);
        return (entry.value, entry.valueDecimals, entry.tag1, entry.tag2, entry.isRevoked);
    }

    function readAllFeedback(uint256 agentId, address[] calldata clientAddresses, string calldata tag1, string calldata tag2, bool includeRevoked)
        external
        view
        returns (
            address[] memory clients,
            uint64[] memory feedbackIndexes,
            int128[] memory values,
            uint8[] memory valueDecimals,
            string[] memory tag1s,
            string[] memory tag2s,
            bool[] memory revokedStatuses
        )
    {
        address[] memory wanted = clientAddresses;
        if (wanted.length == 0) wanted = _clients[agentId];
        uint256 n = _countMatching(agentId, wanted, tag1, tag2, includeRevoked);
        clients = new address[](n);
        feedbackIndexes = new uint64[](n);
        values = new int128[](n);
        valueDecimals = new uint8[](n);
        tag1s = new string[](n);
        tag2s = new string[](n);
        revokedStatuses = new bool[](n);
        uint256 k;
        for (uint256 c = 0; c < wanted.length; c++) {
            Feedback[] storage list = _feedback[agentId][wanted[c]];
            for (uint256 i = 1; i < list.length; i++) {
                Feedback storage entry = list[i];
                if ((entry.isRevoked && !includeRevoked) || !_matches(entry, tag1, tag2)) continue;
                clients[k] = wanted[c];
                feedbackIndexes[k] = uint64(i);
                values[k] = entry.value;
                valueDecimals[k] = entry.valueDecimals;
                tag1s[k] = entry.tag1;
                tag2s[k] = entry.tag2;
                revokedStatuses[k] = entry.isRevoked;
                k++;
            }
        }
    }

    function getResponseCount(uint256 agentId, address clientAddress, uint64 feedbackIndex, address[] calldata responders) external view returns (uint64 count) {
        if (responders.length == 0) return _responseTotals[agentId][clientAddress][feedbackIndex];
        for (uint256 r = 0; r < responders.length; r++) count += _responses[agentId][clientAddress][feedbackIndex][responders[r]];
    }

    function getClients(uint256 agentId) external view returns (address[] memory) {
        return _clients[agentId];
    }

    function getLastIndex(uint256 agentId, address clientAddress) external view returns (uint64) {
        uint256 length = _feedback[agentId][clientAddress].length;
        return length == 0 ? 0 : uint64(length - 1);
    }

    function _entry(uint256 agentId, address clientAddress, uint64 feedbackIndex) private view returns (Feedback storage) {
        Feedback[] storage list = _feedback[agentId][clientAddress];
        require(feedbackIndex > 0 && feedbackIndex < list.length, "index out of bounds");
        return list[feedbackIndex];
    }

    function _countMatching(uint256 agentId, address[] memory wanted, string calldata tag1, string calldata tag2, bool includeRevoked) private view returns (uint256 n) {
        for (uint256 c = 0; c < wanted.length; c++) {
            Feedback[] storage list = _feedback[agentId][wanted[c]];
            for (uint256 i = 1; i < list.length; i++) {
                if ((list[i].isRevoked && !includeRevoked) || !_matches(list[i], tag1, tag2)) continue;
                n++;
            }
        }
    }

    // An empty tag is no filter.
    function _matches(Feedback storage entry, string calldata tag1, string calldata tag2) private view returns (bool) {
        if (bytes(tag1).length > 0 && keccak256(bytes(entry.tag1)) != keccak256(bytes(tag1))) return false;
        if (bytes(tag2).length > 0 && keccak256(bytes(entry.tag2)) != keccak256(bytes(tag2))) return false;
        return true;
    }
}
