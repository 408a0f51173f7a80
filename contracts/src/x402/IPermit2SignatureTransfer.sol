// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The part of Permit2's SignatureTransfer the x402 proxies call: the structs and the one witness
/// transfer, declared here from Permit2's published interface so the proxies build with the
/// project's compiler (Permit2 itself pins 0.8.17).
interface ISignatureTransfer {
    struct TokenPermissions {
        address token;
        uint256 amount;
    }

    struct PermitTransferFrom {
        TokenPermissions permitted;
        uint256 nonce;
        uint256 deadline;
    }

    struct SignatureTransferDetails {
        address to;
        uint256 requestedAmount;
    }

    function permitWitnessTransferFrom(
        PermitTransferFrom memory permit,
        SignatureTransferDetails calldata transferDetails,
        address owner,
        bytes32 witness,
        string calldata witnessTypeString,
        bytes calldata signature
    ) external;
}
