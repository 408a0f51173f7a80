// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {x402Permit2ProxyBase} from "./x402Permit2ProxyBase.sol";
import {ISignatureTransfer} from "./IPermit2SignatureTransfer.sol";

/// The x402 `exact` scheme's Permit2 transfer method: moves exactly the permitted amount to the
/// witness's `to`, once (Permit2's nonce), no earlier than the witness's `validAfter`.
contract x402ExactPermit2Proxy is x402Permit2ProxyBase {
    struct Witness {
        address to;
        uint256 validAfter;
    }

    /// Permit2 appends this to "PermitWitnessTransferFrom(TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,";
    /// referenced types in EIP-712's alphabetical order.
    string public constant WITNESS_TYPE_STRING =
        "Witness witness)TokenPermissions(address token,uint256 amount)Witness(address to,uint256 validAfter)";
    bytes32 public constant WITNESS_TYPEHASH = keccak256("Witness(address to,uint256 validAfter)");

    error InvalidAmount();

    constructor(address permit2) x402Permit2ProxyBase(permit2) {}

    function settle(
        ISignatureTransfer.PermitTransferFrom calldata permit,
        address owner,
        Witness calldata witness,
        bytes calldata signature
    ) external nonReentrant {
        _settle(permit, owner, witness, signature);
        emit Settled();
    }

    function settleWithPermit(
        EIP2612Permit calldata permit2612,
        ISignatureTransfer.PermitTransferFrom calldata permit,
        address owner,
        Witness calldata witness,
        bytes calldata signature
    ) external nonReentrant {
        if (permit2612.value != permit.permitted.amount) revert Permit2612AmountMismatch();
        _applyPermit(permit.permitted.token, owner, permit2612);
        _settle(permit, owner, witness, signature);
        emit SettledWithPermit();
    }

    function _settle(ISignatureTransfer.PermitTransferFrom calldata permit, address owner, Witness calldata witness, bytes calldata signature) private {
        if (permit.permitted.amount == 0) revert InvalidAmount();
        _checkParties(owner, witness.to, witness.validAfter);
        bytes32 witnessHash = keccak256(abi.encode(WITNESS_TYPEHASH, witness.to, witness.validAfter));
        _transfer(permit, witness.to, permit.permitted.amount, owner, witnessHash, WITNESS_TYPE_STRING, signature);
    }
}
