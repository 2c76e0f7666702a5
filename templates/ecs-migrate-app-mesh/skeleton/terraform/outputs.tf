output "service_connect_endpoint" {
  description = "What ECS services with Service Connect on in ${{ values.serviceConnect.namespaceName }} call instead of the App Mesh virtual service."
  value       = "${{ values.serviceConnect.aliasDnsName }}:${{ values.serviceConnect.aliasPort }}"
}
