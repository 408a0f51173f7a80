// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {ISignatureTransfer} from "./IPermit2SignatureTransfer.sol";

/// What both x402 Permit2 proxies share (written for the x402-probe sandbox from the x402 exact-EVM
/// and upto-EVM specs): the proxy is the Permit2 spender the buyer signs for, and the witness the
/// buyer signs fixes where the money goes, so whoever submits the transfer cannot redirect it.
/// Transient-storage reentrancy guard: the sandbox places runtime code with anvil_setCode, so no
/// constructor-initialised storage may be relied on.
abstract contract x402Permit2ProxyBase is ReentrancyGuardTransient {
    /// An EIP-2612 permit that lets Permit2 spend the buyer's token, for buyers who never approved it.
    struct EIP2612Permit {
        uint256 value;
        uint256 deadline;
        bytes32 r;
        bytes32 s;
        uint8 v;
    }

    ISignatureTransfer public immutable PERMIT2;

    event Settled();
    event SettledWithPermit();

    error InvalidPermit2Address();
    error InvalidOwner();
    error InvalidDestination();
    error PaymentTooEarly();
    error Permit2612AmountMismatch();

    constructor(address permit2) {
        if (permit2 == address(0)) revert InvalidPermit2Address();
        PERMIT2 = ISignatureTransfer(permit2);
    }

    function _checkParties(address owner, address to, uint256 validAfter) internal view {
        if (owner == address(0)) revert InvalidOwner();
        if (to == address(0)) revert InvalidDestination();
        if (block.timestamp < validAfter) revert PaymentTooEarly();
    }

    /// A permit that fails (already used, or front-run by anyone who saw it) is not fatal: Permit2's
    /// own transfer then fails unless the allowance is there anyway.
    function _applyPermit(address token, address owner, EIP2612Permit calldata permit2612) internal {
        try IERC20Permit(token).permit(owner, address(PERMIT2), permit2612.value, permit2612.deadline, permit2612.v, permit2612.r, permit2612.s) {} catch {}
    }

    function _transfer(
        ISignatureTransfer.PermitTransferFrom calldata permit,
        address to,
        uint256 amount,
        address owner,
        bytes32 witnessHash,
        string memory witnessTypeString,
        bytes calldata signature
    ) internal {
        PERMIT2.permitWitnessTransferFrom(
            permit, ISignatureTransfer.SignatureTransferDetails({to: to, requestedAmount: amount}), owner, witnessHash, witnessTypeString, signature
        );
    }
}
