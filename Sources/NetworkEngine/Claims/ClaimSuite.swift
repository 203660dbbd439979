/// Every claim of the comparison, in the order the report lists them.
public enum ClaimSuite {
    public static let all: [any Claim] = [
        SinglePointOfFailureClaim(), ClientGrowthClaim(), PeerScalabilityClaim(), ChurnStabilityClaim(),
        CentralSecurityClaim(), FlashCrowdClaim(), ServerCostClaim(), CentralBackupClaim(),
    ]
}
