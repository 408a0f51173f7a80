// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {x402Permit2ProxyBase} from "./x402Permit2ProxyBase.sol";
import {ISignatureTransfer} from "./IPermit2SignatureTransfer.sol";

/// The x402 `upto` scheme: the buyer signs a maximum (`permit.permitted.amount`) and the
/// facilitator named in the witness, and only that facilitator may settle, for any amount up to it.
contract x402UptoPermit2Proxy is x402Permit2ProxyBase {
    struct Witness {
        address to;
        address facilitator;
        uint256 validAfter;
    }

    string public constant WITNESS_TYPE_STRING =
        "Witness witness)TokenPermissions(address token,uint256 amount)Witness(address to,address facilitator,uint256 validAfter)";
    bytes32 public constant WITNESS_TYPEHASH = keccak256("Witness(address to,address facilitator,uint256 validAfter)");

    error AmountExceedsPermitted();
    error UnauthorizedFacilitator();

    constructor(address permit2) x402Permit2ProxyBase(permit2) {}

    function settle(
        ISignatureTransfer.PermitTransferFrom calldata permit,
        uint256 amount,
        address owner,
        Witness calldata witness,
        bytes calldata signature
    ) external nonReentrant {
        _settle(permit, amount, owner, witness, signature);
        emit Settled();
    }

    function settleWithPermit(
        EIP2612Permit calldata permit2612,
        ISignatureTransfer.PermitTransferFrom calldata permit,
        uint256 amount,
        address owner,
        Witness calldata witness,
        bytes calldata signature
    ) external nonReentrant {
        // The permit must let Permit2 move the whole signed maximum, whatever is settled now.
        if (permit2612.value < permit.permitted.amount) revert Permit2612AmountMismatch();
        _applyPermit(permit.permitted.token, owner, permit2612);
        _settle(permit, amount, owner, witness, signature);
        emit SettledWithPermit();
    }

    function _settle(
        ISignatureTransfer.PermitTransferFrom calldata permit,
        uint256 amount,
        address owner,
        Witness calldata witness,
        bytes calldata signature
    ) private {
        if (msg.sender != witness.facilitator) revert UnauthorizedFacilitator();
        if (amount > permit.permitted.amount) revert AmountExceedsPermitted();
        _checkParties(owner, witness.to, witness.validAfter);
        bytes32 witnessHash = keccak256(abi.encode(WITNESS_TYPEHASH, witness.to, witness.facilitator, witness.validAfter));
        _transfer(permit, witness.to, amount, owner, witnessHash, WITNESS_TYPE_STRING, signature);
    }
}
