// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// An ERC-8004 Validation Registry written from the EIP text (Jan 24 2026 revision, the "2.0.0"
// contracts' ABI) for x402-probe's local sandbox. Placed with anvil_setCode like the other two:
// the Identity registry's address is an immutable, not storage.

interface IIdentityRegistryForValidation {
    function isAuthorizedOrOwner(address spender, uint256 agentId) external view returns (bool);
}

contract ValidationRegistry {
    struct Validation {
        address validatorAddress;
        uint256 agentId;
        uint8 response;
        bytes32 responseHash;
        string tag;
        uint256 lastUpdate;
        bool hasResponse;
    }

    event ValidationRequest(address indexed validatorAddress, uint256 indexed agentId, string requestURI, bytes32 indexed requestHash);
    event ValidationResponse(
        address indexed validatorAddress,
        uint256 indexed agentId,
        bytes32 indexed requestHash,
        uint8 response,
        string responseURI,
        bytes32 responseHash,
        string tag
    );

    address private immutable _identityRegistry;

    mapping(bytes32 requestHash => Validation) private _validations;
    mapping(uint256 agentId => bytes32[]) private _agentValidations;
    mapping(address validator => bytes32[]) private _validatorRequests;

    constructor(address identityRegistry_) {
        _identityRegistry = identityRegistry_;
    }

    function getIdentityRegistry() external view returns (address) {
        return _identityRegistry;
    }

    function getVersion() external pure returns (string memory) {
        return "2.0.0";
    }

    // Only the agent's owner or an operator asks; the validator named may be the agent's own wallet.
    function validationRequest(address validatorAddress, uint256 agentId, string calldata requestURI, bytes32 requestHash) external {
        require(validatorAddress != address(0), "bad validator");
        require(IIdentityRegistryForValidation(_identityRegistry).isAuthorizedOrOwner(msg.sender, agentId), "Not authorized");
        require(_validations[requestHash].validatorAddress == address(0), "exists");
        _validations[requestHash].validatorAddress = validatorAddress;
        _validations[requestHash].agentId = agentId;
        _agentValidations[agentId].push(requestHash);
        _validatorRequests[validatorAddress].push(requestHash);
        emit ValidationRequest(validatorAddress, agentId, requestURI, requestHash);
    }

    // The named validator may answer more than once; the latest answer is the status.
    function validationResponse(bytes32 requestHash, uint8 response, string calldata responseURI, bytes32 responseHash, string calldata tag) external {
        Validation storage v = _validations[requestHash];
        require(v.validatorAddress != address(0), "unknown request");
        require(msg.sender == v.validatorAddress, "not validator");
        require(response <= 100, "response > 100");
        v.response = response;
        v.responseHash = responseHash;
        v.tag = tag;
        v.lastUpdate = block.timestamp;
        v.hasResponse = true;
        emit ValidationResponse(msg.sender, v.agentId, requestHash, response, responseURI, responseHash, tag);
    }

    function getValidationStatus(bytes32 requestHash)
        external
        view
        returns (address validatorAddress, uint256 agentId, uint8 response, bytes32 responseHash, string memory tag, uint256 lastUpdate)
    {
        Validation storage v = _validations[requestHash];
        require(v.validatorAddress != address(0), "unknown request");
        return (v.validatorAddress, v.agentId, v.response, v.responseHash, v.tag, v.lastUpdate);
    }

    // Answered validations only; no validators means all, an empty tag is no filter.
    function getSummary(uint256 agentId, address[] calldata validatorAddresses, string calldata tag) external view returns (uint64 count, uint8 averageResponse) {
        bytes32[] storage hashes = _agentValidations[agentId];
        uint256 total;
        for (uint256 i = 0; i < hashes.length; i++) {
            Validation storage v = _validations[hashes[i]];
            if (!v.hasResponse || !_named(v.validatorAddress, validatorAddresses)) continue;
            if (bytes(tag).length > 0 && keccak256(bytes(v.tag)) != keccak256(bytes(tag))) continue;
            total += v.response;
            count++;
        }
        if (count > 0) averageResponse = uint8(total / count);
    }

    function getAgentValidations(uint256 agentId) external view returns (bytes32[] memory) {
        return _agentValidations[agentId];
    }

    function getValidatorRequests(address validatorAddress) external view returns (bytes32[] memory) {
        return _validatorRequests[validatorAddress];
    }

    function _named(address validator, address[] calldata validatorAddresses) private pure returns (bool) {
        if (validatorAddresses.length == 0) return true;
        for (uint256 i = 0; i < validatorAddresses.length; i++) if (validatorAddresses[i] == validator) return true;
        return false;
    }
}
