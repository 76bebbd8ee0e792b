/**
 * vinfra's simulator side by side with CloudSim Plus 8.5.7 on CloudSim Plus's performance scenario
 * (20,000 hosts, 40,000 VMs, 50,000 cloudlets): {@link CompareWithCloudSimPlus} runs both, whole
 * processes and warm, checks that their finish times agree and prints the ratios.
 */
package org.vinfra.benchmarks;
